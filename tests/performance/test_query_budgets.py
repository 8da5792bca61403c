"""Every public page type costs the same number of SQL queries with 10 or 200 items to show.

Each page is a realistic one of its type: the site of tests/performance/conftest.py, with a main
menu and a footer, breadcrumbs, translations in Dutch and English for the language switcher, and
what each type shows besides its own text (related guides, FAQ questions, simpler and more
detailed versions, highlighted guides, latest news, tags, glossary terms). That site is grown
once for the module (guides, news items, tags and glossary terms, in French) inside a
transaction rolled back at the end. Each page is requested twice per size: the first
request warms the per-process caches (glossary index, site root paths), the second is counted.
Speed itself is measured by `make bench`, not here.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glossary import linking as glossary
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, step
from tests.news.factories import NewsPageFactory, NewsTagFactory

SMALL, LARGE = 10, 200
# The most queries a page may take once warm: a new query on a page is a decision, made here.
# The aims (issue "Fast and unbreakable"): 10 on a guide, 12 on the home page and listings.
BUDGET = 10
BUDGETS = {
    # The search page is the search app's (query log, promotions, external resources).
    "search results": 12,
}
# A word only the added guides carry, so the search lists a full page of them.
SEARCH_WORD = "zebracrossing"

PAGE_TYPES = [
    "home",
    "path",
    "topic",
    "guide",
    "mission",
    "glossary",
    "news index",
    "news item",
    "search results",
    "404",
]

# What the page counted of each type shows besides its own text, or its budget would measure a
# bare page. Every page also shows the menu, the footer and its Dutch and English versions.
SHOWN = {
    "home": ['class="card-list"', 'class="news-teasers"', 'class="path-list"'],
    "path": ['class="breadcrumbs"', 'class="section topic"', 'class="card-list"'],
    "topic": ['class="breadcrumbs"', 'class="card-list"'],
    "guide": [
        'class="breadcrumbs"',
        'class="path-link',
        'class="level-switch"',
        'class="guide-questions"',
        'class="related"',
        'class="glossary-term"',
    ],
    "mission": ['class="breadcrumbs"'],
    "glossary": ['class="breadcrumbs"', 'class="glossary__entry"'],
    "news index": ['class="breadcrumbs"', 'class="tag-filter"', 'class="news-item"'],
    "news item": ['class="breadcrumbs"', 'class="tags"'],
    # A results page must list guides, or the search budget would measure an empty page.
    "search results": [SEARCH_WORD, 'class="search-result__breadcrumbs"'],
    "404": [],
}
EVERY_PAGE = ['class="main-nav"', "La coopérative", 'hreflang="nl"', 'hreflang="en"']

# Marked so pytest-django sets up the test database; the counting itself is module-wide.
pytestmark = pytest.mark.django_db


def page_urls(site):
    """The address of one French page of each type, with the status it answers."""
    return {
        "home": (site.home["fr"].url, 200),
        "path": (site.paths["expert"]["fr"].url, 200),
        "topic": (site.topic["fr"].url, 200),
        "guide": (site.guide["fr"].url, 200),
        "mission": (site.mission["fr"].url, 200),
        "glossary": (site.glossary["fr"].url, 200),
        "news index": (site.news_index["fr"].url, 200),
        "news item": (site.news_item["fr"].url, 200),
        "search results": (f"/fr/search/?q={SEARCH_WORD}", 200),
        "404": ("/fr/no-such-page/at-all/", 404),
    }


def grow_to(site, count, already):
    """Add guides, news items (two tags each) and glossary terms until there are `count` of each."""
    topic = site.topic["fr"]
    news_index = site.news_index["fr"]
    locale = topic.locale
    tags = [NewsTagFactory(locale=locale) for _ in range(2)]
    for number in range(already, count):
        GuidePageFactory(
            parent=topic,
            title=f"Guide {SEARCH_WORD} {number}",
            summary=f"A {SEARCH_WORD} guide with a glossary word: contrat.",
            steps=[step("Read", f"<p>Step about {SEARCH_WORD} {number}.</p>")],
        )
        news = NewsPageFactory(parent=news_index, title=f"News {number}")
        news.tags.set(tags)
        news.save()
        GlossaryTermFactory(locale=locale, term=f"Mot {number}", variants=f"mots {number}")
    glossary.invalidate()


def count_queries(client, url, status):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, url
    return len(queries), response.content.decode()


@pytest.fixture(scope="module")
def query_counts(built_site, shared_data):
    """Queries per page type at each size: {"small": {page type: n}, "large": {...}}, and the
    pages counted at the large size: {"html": {page type: HTML}}."""
    counts = {"html": {}}
    with shared_data():
        client = Client()
        urls = page_urls(built_site)
        grown = 0
        for size, count in (("small", SMALL), ("large", LARGE)):
            grow_to(built_site, count, grown)
            grown = count
            counts[size] = {}
            for name in PAGE_TYPES:
                counts[size][name], counts["html"][name] = count_queries(client, *urls[name])
    return counts


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_does_not_grow_with_content(query_counts, page_type):
    assert query_counts["large"][page_type] == query_counts["small"][page_type]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_stays_within_budget(query_counts, page_type):
    assert query_counts["large"][page_type] <= BUDGETS.get(page_type, BUDGET), query_counts["large"]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_page_counted_shows_what_members_see_on_it(query_counts, page_type):
    html = query_counts["html"][page_type]

    assert [part for part in EVERY_PAGE + SHOWN[page_type] if part not in html] == []
