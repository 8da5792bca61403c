"""News listing, tags across languages, and the RSS and Atom feeds of each language.

The module builds, once, a news listing with four news items and their tags, in French and
translated into Dutch and English through wagtail-localize (tags before the news that carry them).
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from news.models import NEWS_PER_PAGE, NewsIndexPage, NewsPage, NewsTag
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory, NewsTagFactory
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
# (name, slug) of each tag in each language.
TAGS = {
    "governance": {
        "fr": ("Gouvernance", "gouvernance"),
        "nl": ("Bestuur", "bestuur"),
        "en": ("Governance", "governance"),
    },
    "tools": {"fr": ("Outils", "outils"), "nl": ("Tools", "tools"), "en": ("Tools", "tools")},
    # No news item carries it.
    "events": {
        "fr": ("Rendez-vous", "rendez-vous"),
        "nl": ("Evenementen", "evenementen"),
        "en": ("Events", "events"),
    },
}
# Made in this order, which is not the order of their dates.
NEWS = [
    {
        "date": "2026-02-17",
        "tags": ["tools"],
        "fr": "Un nouvel outil pour suivre vos factures",
        "nl": "Een nieuwe tool om uw facturen op te volgen",
        "en": "A new tool to follow your invoices",
    },
    {
        "date": "2026-03-10",
        "tags": ["governance"],
        "fr": "Les résultats de l'assemblée générale",
        "nl": "De resultaten van de algemene vergadering",
        "en": "The outcome of the general assembly",
    },
    {
        "date": "2026-01-13",
        "tags": [],
        "fr": "Les séances d'accueil de janvier à juin",
        "nl": "De onthaalsessies van januari tot juni",
        "en": "Welcome sessions from January to June",
    },
    {
        "date": "2026-04-02",
        "tags": ["governance", "tools"],
        "fr": "Votez en ligne pour le conseil d'administration",
        "nl": "Stem online voor de raad van bestuur",
        "en": "Vote online for the board of directors",
    },
]
NEWEST_FIRST = sorted(NEWS, key=lambda item: item["date"], reverse=True)


@pytest.fixture(scope="module")
def news_site(shared_data):
    """The news listing of each language, its news items and the tags they carry."""
    with shared_data():
        tree = build_site_tree()
        tags = {}
        for key, text in TAGS.items():
            name, slug = text["fr"]
            tags[key] = NewsTagFactory(name=name, slug=slug)
            for language in ["nl", "en"]:
                translate(tags[key], language, dict(zip(text["fr"], text[language], strict=True)))
        index = NewsIndexPageFactory(parent=tree.home["fr"])
        indexes = {"fr": index}
        for language in ["nl", "en"]:
            indexes[language] = translate(index, language)
        for text in NEWS:
            item = NewsPageFactory(
                parent=index,
                title=text["fr"],
                date=datetime.date.fromisoformat(text["date"]),
                tags=[tags[key] for key in text["tags"]],
            )
            for language in ["nl", "en"]:
                translate(item, language, {text["fr"]: text[language]})
        yield indexes


@pytest.fixture
def news_index(news_site, db):
    """The news listing of a language, read afresh."""

    def index_in(language):
        return NewsIndexPage.objects.get(pk=news_site[language].pk)

    return index_in


def soup(response, parser="html.parser"):
    assert response.status_code == 200
    return BeautifulSoup(response.content, parser)


@pytest.mark.parametrize("language", LANGUAGES)
def test_listing_shows_newest_first_with_tags_in_its_language(client, news_index, language):
    index = news_index(language)
    html = soup(client.get(index.url))

    titles = [h2.get_text(strip=True) for h2 in html.select(".news-item__title")]
    expected = NewsPage.objects.live().child_of(index).order_by("-date", "-pk")
    assert titles == [item.title for item in expected[:NEWS_PER_PAGE]]
    assert titles == [item[language] for item in NEWEST_FIRST]
    tag_names = {a.get_text(strip=True) for a in html.select(".tag-filter a")[1:]}
    assert tag_names == {TAGS[key][language][0] for key in ["governance", "tools"]}
    assert tag_names <= set(
        NewsTag.objects.filter(locale=index.locale).values_list("name", flat=True)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tag_no_news_carries_is_not_offered_as_a_filter(client, news_index, language):
    html = soup(client.get(news_index(language).url))

    tag_names = {a.get_text(strip=True) for a in html.select(".tag-filter a")}
    assert TAGS["events"][language][0] not in tag_names
    assert NewsTag.objects.filter(name=TAGS["events"][language][0]).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_filter_keeps_only_news_with_that_tag(client, news_index, language):
    index = news_index(language)
    tag = NewsTag.objects.get(locale=index.locale, slug=TAGS["governance"][language][1])
    html = soup(client.get(index.url, {"tag": tag.slug}))

    titles = {h2.get_text(strip=True) for h2 in html.select(".news-item__title")}
    expected = {
        item.title for item in NewsPage.objects.live().child_of(index) if tag in item.tags.all()
    }
    assert titles == expected
    assert titles == {item[language] for item in NEWS if "governance" in item["tags"]}
    assert 0 < len(titles) < NewsPage.objects.live().child_of(index).count()
    assert html.select_one(".tag-filter [aria-current]").get_text(strip=True) == tag.name


def test_translated_news_carries_the_tags_of_its_own_language(news_site, db):
    for language in ["nl", "en"]:
        item = NewsPage.objects.get(title=NEWS[3][language])
        assert item.tags.exists()
        assert {tag.locale.language_code for tag in item.tags.all()} == {language}
        assert {tag.name for tag in item.tags.all()} == {
            TAGS[key][language][0] for key in NEWS[3]["tags"]
        }


def test_listing_is_paginated(client, news_index):
    index = news_index("en")
    for number in range(NEWS_PER_PAGE):
        NewsPageFactory(parent=index, title=f"Extra news {number}", slug=f"extra-{number}")
    total = NewsPage.objects.live().child_of(index).count()

    first = soup(client.get(index.url))
    second = soup(client.get(index.url, {"page": 2}))

    assert len(first.select(".news-item")) == NEWS_PER_PAGE
    assert total > NEWS_PER_PAGE
    assert len(second.select(".news-item")) == min(NEWS_PER_PAGE, total - NEWS_PER_PAGE)
    assert second.select_one('.pagination a[rel="prev"]') is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_rss_and_atom_feeds_list_the_news_of_their_language(client, news_index, language):
    index = news_index(language)
    titles = {item.title for item in NewsPage.objects.live().child_of(index)}
    assert titles == {item[language] for item in NEWS}

    rss = soup(client.get(index.url + "rss/"), "xml")
    atom = soup(client.get(index.url + "atom/"), "xml")

    assert rss.find("language").text == language
    assert {item.find("title").text for item in rss.find_all("item")} == titles
    assert atom.find("feed")["xml:lang"] == language
    assert {entry.find("title").text for entry in atom.find_all("entry")} == titles
    for link in rss.find_all("item"):
        assert f"/{language}/" in link.find("link").text
