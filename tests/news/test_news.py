"""News listing, tags across languages, and the RSS and Atom feeds of each language."""

import pytest
from bs4 import BeautifulSoup

from news.models import NEWS_PER_PAGE, NewsPage, NewsTag
from tests.factories import NewsPageFactory
from tests.pages import LANGUAGES, demo_page


def soup(response, parser="html.parser"):
    assert response.status_code == 200
    return BeautifulSoup(response.content, parser)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_listing_shows_newest_first_with_tags_in_its_language(client, language):
    index = demo_page("news-index", "news", language)
    html = soup(client.get(index.url))

    titles = [h2.get_text(strip=True) for h2 in html.select(".news-item__title")]
    expected = NewsPage.objects.live().child_of(index).order_by("-date", "-pk")
    assert titles == [item.title for item in expected[:NEWS_PER_PAGE]]
    tag_names = {a.get_text(strip=True) for a in html.select(".tag-filter a")[1:]}
    assert tag_names == set(
        NewsTag.objects.filter(locale=index.locale).values_list("name", flat=True)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_filter_keeps_only_news_with_that_tag(client, language):
    index = demo_page("news-index", "news", language)
    tag = NewsTag.objects.get(
        locale=index.locale,
        translation_key__in=NewsTag.objects.filter(slug="gouvernance").values("translation_key"),
    )
    html = soup(client.get(index.url, {"tag": tag.slug}))

    titles = {h2.get_text(strip=True) for h2 in html.select(".news-item__title")}
    expected = {
        item.title for item in NewsPage.objects.live().child_of(index) if tag in item.tags.all()
    }
    assert titles == expected
    assert 0 < len(titles) < NewsPage.objects.live().child_of(index).count()
    assert html.select_one(".tag-filter [aria-current]").get_text(strip=True) == tag.name


@pytest.mark.django_db
def test_translated_news_carries_the_tags_of_its_own_language():
    for language in ["nl", "en"]:
        item = demo_page("news", "general-assembly-outcome", language)
        assert item.tags.exists()
        assert {tag.locale.language_code for tag in item.tags.all()} == {language}


@pytest.mark.django_db
def test_listing_is_paginated(client):
    index = demo_page("news-index", "news", "en")
    for number in range(NEWS_PER_PAGE):
        NewsPageFactory(parent=index, title=f"Extra news {number}", slug=f"extra-{number}")
    total = NewsPage.objects.live().child_of(index).count()

    first = soup(client.get(index.url))
    second = soup(client.get(index.url, {"page": 2}))

    assert len(first.select(".news-item")) == NEWS_PER_PAGE
    assert total > NEWS_PER_PAGE
    assert len(second.select(".news-item")) == min(NEWS_PER_PAGE, total - NEWS_PER_PAGE)
    assert second.select_one('.pagination a[rel="prev"]') is not None


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_and_atom_feeds_list_the_news_of_their_language(client, language):
    index = demo_page("news-index", "news", language)
    titles = {item.title for item in NewsPage.objects.live().child_of(index)}

    rss = soup(client.get(index.url + "rss/"), "xml")
    atom = soup(client.get(index.url + "atom/"), "xml")

    assert rss.find("language").text == language
    assert {item.find("title").text for item in rss.find_all("item")} == titles
    assert atom.find("feed")["xml:lang"] == language
    assert {entry.find("title").text for entry in atom.find_all("entry")} == titles
    for link in rss.find_all("item"):
        assert f"/{language}/" in link.find("link").text
