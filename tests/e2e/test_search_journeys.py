"""A member searches from the box in the header: suggestions as they type, the results page,
a filter, and a result opened."""

import re

import pytest
from playwright.sync_api import expect

from guides.models import GuidePage
from tests.pages import LANGUAGES, demo_page

# Words a member would type to find the expense-claims guide, in their own language.
QUERIES = {"fr": "note de frais", "nl": "onkostennota", "en": "expense claim"}


def header_box(page):
    # The field the form submits as `q`: it is a searchbox, or a combobox once suggestions work.
    return page.get_by_role("banner").locator("input[name=q]")


def search_from_header(page, language):
    page.goto(demo_page("page", "home", language).url)
    box = header_box(page)
    box.press_sequentially(QUERIES[language])
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))


def result_links(page):
    # Result titles are second-level headings holding a link. The journey opens pages of this
    # site, not glossary entries (a #fragment of the glossary page) nor other websites.
    headings = page.get_by_role("main").get_by_role("heading", level=2)
    return headings.locator("a[href^='/']:not([href*='#'])")


def open_first_result(page, live_site):
    link = result_links(page).first
    title = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return page.url.removeprefix(live_site.url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_searches_from_the_header_box_and_opens_a_result(page, live_site, language):
    search_from_header(page, language)
    expect(result_links(page).first).to_be_visible()
    open_first_result(page, live_site)


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_box_suggests_a_guide_as_the_member_types(page, live_site, language):
    if page.request.get(f"/{language}/search/suggest/?q=ab").status == 404:
        pytest.skip(f"/{language}/search/suggest/ does not exist yet: autocomplete is being built.")
    guide = demo_page("guide", "expense-claims", language)
    page.goto(demo_page("page", "home", language).url)
    box = header_box(page)
    box.press_sequentially(" ".join(guide.title.split()[:2]))

    expect(box).to_have_attribute("aria-expanded", "true")
    suggestion = page.get_by_role("option").filter(has_text=guide.title)
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(page).to_have_url(live_site.url + guide.url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_filters_the_results_to_guides_and_opens_one(page, live_site, language):
    search_from_header(page, language)
    guide_filter = page.get_by_role("main").locator("a[href*='type=guide']")
    if not guide_filter.count():
        pytest.skip("The results page has no filter yet.")
    guide_filter.first.click()

    expect(page).to_have_url(re.compile(r"[?&]type=guide"))
    expect(guide_filter.first).to_have_attribute("aria-current", "true")
    guides = {
        guide.url for guide in GuidePage.objects.live().filter(locale__language_code=language)
    }
    assert open_first_result(page, live_site) in guides
