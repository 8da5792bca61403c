"""Pages that link to other pages render in the admin's preview panel, where the links come
from the editor's form: held in memory, not saved, so no database subquery can see them."""

import pytest
from django.test import RequestFactory

from tests.pages import LANGUAGES, demo_page


def context_of(page):
    return page.get_context(RequestFactory().get(page.url))


def as_in_the_editor(page, relation):
    """`page` with its `relation` links held in memory, as the page editor's form holds them."""
    setattr(page, relation, list(getattr(page, relation).all()))
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_preview_shows_the_related_guides_of_its_language(language):
    saved = context_of(demo_page("guide", "invoicing-a-client", language))["related_guides"]
    previewed = context_of(
        as_in_the_editor(demo_page("guide", "invoicing-a-client", language), "related_guides")
    )["related_guides"]

    assert saved
    assert {page.url for page in previewed} == {page.url for page in saved}


@pytest.mark.django_db
def test_home_preview_shows_its_featured_guides_in_dutch():
    home = as_in_the_editor(demo_page("page", "home", "nl"), "featured_guides")
    featured = context_of(home)["featured_guides"]

    assert featured
    assert all(page.url.startswith("/nl/") for page in featured)
