"""The outdated-translation notice on every page type of the demo site, right under the title.

The reader sees what page they are on first (its title starts high on a phone), then the warning,
then the text it concerns. Page types come from the demo site itself, so a new one is checked as
soon as it exists.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.demo_site]


def one_source_page_of_each_type():
    """The first live French page of each page type that has a live English translation."""
    first = {}
    for page in Page.objects.live().filter(locale__language_code="fr", depth__gt=2).specific():
        translation = page.get_translations().filter(locale__language_code="en").live().first()
        if translation is not None:
            first.setdefault(type(page), (page, translation))
    return list(first.values())


def test_every_page_type_shows_the_notice_right_after_its_title(
    client, django_capture_on_commit_callbacks
):
    pages = one_source_page_of_each_type()
    assert len(pages) >= 10, "the demo site has fewer translated page types than expected"
    misplaced = []
    for source, translation in pages:
        # The source changes after its translation went live: the translation is now behind.
        with django_capture_on_commit_callbacks(execute=True):
            source.save_revision().publish()
        html = client.get(translation.url, HTTP_ACCEPT_LANGUAGE="en").content
        title = BeautifulSoup(html, "html.parser").select_one("main h1")
        notice = title.find_next_sibling()
        if notice is None or "outdated-translation" not in notice.get("class", []):
            misplaced.append(f"{type(source).__name__} ({translation.url})")
    assert misplaced == []
