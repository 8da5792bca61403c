"""What the e2e run measured, gathered across tests and printed at the end of the run.

Pytest hides what passing tests print; these tables are the point of the run, so the conftest
prints them in the terminal summary instead.
"""

from collections import defaultdict

# (page type, language, width) -> number of axe violations
axe_counts = {}
# page type -> [(address, kilobytes)]
page_weights = defaultdict(list)


def axe_table():
    if not axe_counts:
        return []
    widths = sorted({width for _, _, width in axe_counts})
    languages = sorted({language for _, language, _ in axe_counts}, key=["fr", "nl", "en"].index)
    columns = [f"{language}@{width}" for width in widths for language in languages]
    lines = ["axe-core violations (WCAG 2.2 A and AA) per page type, language and width:"]
    lines.append(f"  {'page type':<28}" + "".join(f"{column:>9}" for column in columns))
    for page_type in dict.fromkeys(page_type for page_type, _, _ in axe_counts):
        cells = [
            axe_counts.get((page_type, language, width), "-")
            for width in widths
            for language in languages
        ]
        lines.append(f"  {page_type:<28}" + "".join(f"{cell:>9}" for cell in cells))
    return lines


def weight_table():
    if not page_weights:
        return []
    lines = ["Page weight in KB transferred (HTML, CSS, JS, fonts; images aside):"]
    lines.append(f"  {'page type':<28}{'pages':>7}{'lightest':>10}{'heaviest':>10}")
    for page_type, weights in page_weights.items():
        sizes = [kilobytes for _, kilobytes in weights]
        lines.append(f"  {page_type:<28}{len(sizes):>7}{min(sizes):>10.1f}{max(sizes):>10.1f}")
    return lines
