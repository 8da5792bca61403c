"""axe-core finds no WCAG 2.2 A or AA violation on any page type, in any language, at phone or
desktop width. Each page is also saved as a screenshot in screenshots/ for people to look at."""

import pytest
from playwright.sync_api import expect

from tests.e2e import report
from tests.e2e.axe import axe_violations, describe
from tests.e2e.site_pages import one_page_of_each_type
from tests.pages import LANGUAGES


def check_results_state(page, page_type):
    # The two search pages must really show results, and none, for the check to mean anything.
    if page_type == "search results":
        expect(page.locator(".search-result").first).to_be_visible()
    elif page_type == "search, no results":
        expect(page.locator(".search-result")).to_have_count(0)
        # ...and the block naming whom to ask instead, checked with the rest of the page.
        expect(page.locator(".ask-instead")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_accessibility_violations(page, width, screenshots, language):
    failures = []
    for page_type, address, status in one_page_of_each_type(language):
        response = page.goto(address)
        assert response.status == status, address
        check_results_state(page, page_type)
        name = f"{page_type.replace(',', '').replace(' ', '-')}-{language}-{width}px.png"
        page.screenshot(path=screenshots / name, full_page=True)

        violations = axe_violations(page)
        report.axe_counts[page_type, language, width] = len(violations)
        if violations:
            failures.append(f"{page_type} ({address}) at {width}px:\n{describe(violations)}")
    assert not failures, "\n".join(failures)
