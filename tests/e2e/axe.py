"""Run axe-core in a page and return what it finds against WCAG 2.2 A and AA.

axe-core comes from the pinned `axe-playwright-python` wheel, which ships `axe.min.js`: nothing is
fetched at run time and only that file is used.
"""

from functools import cache
from importlib.resources import files

# Every rule of WCAG 2.0, 2.1 and 2.2 at levels A and AA; none is switched off.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source():
    return (files("axe_playwright_python") / "axe.min.js").read_text()


def axe_violations(page):
    """The axe violations of the page once loaded, each as axe reports it."""
    # A click that follows a link returns once the new page starts, not once its stylesheet has
    # applied: axe would judge the unstyled page (17 px high links, the skip link shown).
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return results["violations"]


def describe(violations):
    """One readable line per failing element, for a failed assertion's message."""
    return "\n".join(
        f"  {violation['id']} ({violation['impact']}): {violation['help']}\n"
        f"    at {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}"
        for violation in violations
        for node in violation["nodes"]
    )
