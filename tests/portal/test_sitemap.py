"""The sitemap lists every live page of every language, with its hreflang alternates."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.pages import LANGUAGES, demo_page

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "xml")


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_in_every_language(client):
    xml = read_sitemap(client)
    listed = {url.find("loc").text for url in xml.find_all("url")}

    live_pages = Page.objects.live().filter(depth__gt=1)
    assert listed == {page.full_url for page in live_pages}
    for language in LANGUAGES:
        assert any(f"/{language}/" in loc for loc in listed)


@pytest.mark.django_db
def test_each_sitemap_entry_names_its_translations(client):
    xml = read_sitemap(client)
    guide = demo_page("guide", "hiring", "nl")
    entry = next(url for url in xml.find_all("url") if url.find("loc").text == guide.full_url)

    alternates = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
    assert alternates == {code: demo_page("guide", "hiring", code).full_url for code in LANGUAGES}


@pytest.mark.django_db
def test_unpublished_page_leaves_the_sitemap(client):
    guide = demo_page("guide", "insurance", "en")
    guide.unpublish()

    listed = {url.find("loc").text for url in read_sitemap(client).find_all("url")}
    assert guide.full_url not in listed
    assert demo_page("guide", "insurance", "fr").full_url in listed
