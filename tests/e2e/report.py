"""What the e2e run measured, gathered across tests and printed at the end of the run.

Pytest hides what passing tests print; these tables are the point of the run, so the conftest
prints them in the terminal summary instead.
"""

from collections import defaultdict

# (page type, language, width) -> number of axe violations
axe_counts = {}
# page type -> [(address, kilobytes)]
page_weights = defaultdict(list)
# (page type, language) -> (header height, top of the h1) in pixels at 375 x 667
header_heights = {}


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


def header_table():
    if not header_heights:
        return []
    languages = [code for code in ["fr", "nl", "en"] if any(k[1] == code for k in header_heights)]
    lines = ["At 375 x 667: header height / top of the h1, in px, per page type and language:"]
    lines.append(f"  {'page type':<28}" + "".join(f"{code:>12}" for code in languages))
    for page_type in dict.fromkeys(page_type for page_type, _ in header_heights):
        cells = [
            "{} / {}".format(*header_heights[page_type, code])
            if (page_type, code) in header_heights
            else "-"
            for code in languages
        ]
        lines.append(f"  {page_type:<28}" + "".join(f"{cell:>12}" for cell in cells))
    return lines
