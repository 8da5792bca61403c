"""Moving through a page with the Tab key as a keyboard-only member does."""

# More Tab presses than any page has links before its main content ends.
MAX_TABS = 80

# Something must change on the focused element for a sighted keyboard user to see where they are:
# an outline, a ring (box-shadow) or a filled background.
FOCUS_IS_VISIBLE = """element => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    const fill = style.backgroundColor !== "rgba(0, 0, 0, 0)";
    return outline || ring || fill;
}"""


def tab_to(page, target):
    """Press Tab until `target` has the focus, and check the member can see that it has."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            assert target.evaluate(FOCUS_IS_VISIBLE), f"No visible focus on {target}"
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {target}")
