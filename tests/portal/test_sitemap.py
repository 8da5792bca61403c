"""The sitemap lists every live page of every language, with its hreflang alternates.

The module builds a path with two guides in French, translated into Dutch and English through
wagtail-localize, and a French guide left as a draft.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@pytest.fixture(scope="module")
def pages(shared_data):
    """{name: {language: page}} for the home pages, the path and its two guides."""
    with shared_data():
        homes = build_site_tree().home
        path = PathPageFactory(parent=homes["fr"])
        french = {
            "path": path,
            "hiring": GuidePageFactory(parent=path, title="Engager quelqu'un"),
            "insurance": GuidePageFactory(parent=path, title="Vous assurer"),
        }
        GuidePageFactory(parent=path, title="Un guide en préparation", live=False)
        built = {"home": homes}
        for name, page in french.items():
            built[name] = {"fr": page, **{code: translate(page, code) for code in ["nl", "en"]}}
        yield built


def address(page):
    """The page's address as the sitemap gives it: on the host the request came to (the test
    client's), never the Site record's ('localhost')."""
    return "http://testserver" + page.url


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "xml")


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_in_every_language(client, pages):
    xml = read_sitemap(client)
    listed = {url.find("loc").text for url in xml.find_all("url")}

    built = {address(page) for versions in pages.values() for page in versions.values()}
    assert len(built) == 12
    assert listed == built
    live_pages = Page.objects.live().filter(depth__gt=1)
    assert listed == {address(page) for page in live_pages}
    for language in LANGUAGES:
        assert any(f"/{language}/" in loc for loc in listed)
    assert not any("localhost" in loc for loc in listed)


@pytest.mark.django_db
def test_each_sitemap_entry_names_its_translations(client, pages):
    xml = read_sitemap(client)
    guide = pages["hiring"]["nl"]
    entry = next(url for url in xml.find_all("url") if url.find("loc").text == address(guide))

    alternates = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
    assert alternates == {code: address(pages["hiring"][code]) for code in LANGUAGES}


@pytest.mark.django_db
def test_unpublished_page_leaves_the_sitemap(client, pages):
    guide = Page.objects.get(pk=pages["insurance"]["en"].pk)
    guide.unpublish()

    listed = {url.find("loc").text for url in read_sitemap(client).find_all("url")}
    assert address(guide) not in listed
    assert address(pages["insurance"]["fr"]) in listed
