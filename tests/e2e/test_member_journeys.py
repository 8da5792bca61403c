"""A member finds a guide of each path from their language's home page in three clicks at most,
then switches language on it and lands on the same guide; once with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import tab_to
from tests.pages import LANGUAGES, demo_page

# The guide a member looks for in each path, through its topic when it has one: Smart Expert's
# way through a topic is the longest on the site.
JOURNEYS = {
    "facile": [("guide", "first-contract")],
    "basic": [("guide", "expense-claims")],
    "expert": [("topic", "growing-your-activity"), ("guide", "hiring")],
}
MAX_CLICKS = 3
LANGUAGE_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}
NEXT_LANGUAGE = {"fr": "nl", "nl": "en", "en": "fr"}


def main_link(page, title):
    return page.get_by_role("main").get_by_role("link", name=title, exact=True).first


def language_link(page, language):
    # On a phone the link shows the language's code and is read out as "NL Nederlands".
    name = re.compile(rf"^({language.upper()} )?{LANGUAGE_NAMES[language]}$")
    return page.get_by_role("banner").get_by_role("link", name=name)


def expect_on(page, live_site, target):
    expect(page).to_have_url(live_site.url + target.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(target.title)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("level", JOURNEYS)
def test_member_reaches_a_guide_of_each_path_in_three_clicks_then_switches_language(
    page, live_site, level, language
):
    trail = [demo_page("path", level, language)]
    trail += [demo_page(kind, key, language) for kind, key in JOURNEYS[level]]
    assert len(trail) <= MAX_CLICKS

    page.goto(demo_page("page", "home", language).url)
    for target in trail:
        main_link(page, target.title).click()
        expect_on(page, live_site, target)

    other = NEXT_LANGUAGE[language]
    language_link(page, other).click()
    expect_on(page, live_site, demo_page("guide", JOURNEYS[level][-1][1], other))


def test_member_reaches_a_guide_and_switches_language_with_the_keyboard_alone(page, live_site):
    path = demo_page("path", "basic", "nl")
    guide = demo_page("guide", "expense-claims", "nl")
    page.goto(demo_page("page", "home", "nl").url)

    # The first Tab lands on the skip link, which shows itself and jumps past the header.
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    tab_to(page, main_link(page, path.title))
    page.keyboard.press("Enter")
    expect_on(page, live_site, path)

    tab_to(page, main_link(page, guide.title))
    page.keyboard.press("Enter")
    expect_on(page, live_site, guide)

    tab_to(page, language_link(page, "en"))
    page.keyboard.press("Enter")
    expect_on(page, live_site, demo_page("guide", "expense-claims", "en"))
