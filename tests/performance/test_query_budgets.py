"""Every public page type costs the same number of SQL queries with 10 or 200 items to show.

The site is grown once for the module (guides, news items, tags and glossary terms, in French)
inside a transaction rolled back at the end. Each page is requested twice per size: the first
request warms the per-process caches (glossary index, site root paths), the second is counted.
Speed itself is measured by `make bench`, not here.
"""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glossary import linking as glossary
from tests.factories import (
    GlossaryTermFactory,
    GuidePageFactory,
    NewsPageFactory,
    NewsTagFactory,
    step,
)
from tests.pages import demo_page

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

# Marked so pytest-django sets up the test database; the counting itself is module-wide.
pytestmark = pytest.mark.django_db


def page_urls():
    """The address of one page of each type, with the status it answers."""
    return {
        "home": (demo_page("page", "home").url, 200),
        "path": (demo_page("path", "expert").url, 200),
        "topic": (demo_page("topic", "creative-work").url, 200),
        "guide": (demo_page("guide", "expense-claims").url, 200),
        "mission": (demo_page("mission", "mission").url, 200),
        "glossary": (demo_page("glossary", "glossary").url, 200),
        "news index": (demo_page("news-index", "news").url, 200),
        "news item": (demo_page("news", "new-portal").url, 200),
        "search results": (f"/fr/search/?q={SEARCH_WORD}", 200),
        "404": ("/fr/no-such-page/at-all/", 404),
    }


def grow_to(count, already):
    """Add guides, news items (two tags each) and glossary terms until there are `count` of each."""
    topic = demo_page("topic", "creative-work")
    news_index = demo_page("news-index", "news")
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
    return len(queries)


@pytest.fixture(scope="module")
def query_counts(django_db_setup, django_db_blocker):
    """Queries per page type at each size: {"small": {page type: n}, "large": {...}}."""
    counts = {}
    with django_db_blocker.unblock(), transaction.atomic():
        client = Client()
        urls = page_urls()
        grown = 0
        for size, count in (("small", SMALL), ("large", LARGE)):
            grow_to(count, grown)
            grown = count
            counts[size] = {name: count_queries(client, *urls[name]) for name in PAGE_TYPES}
        # A results page must list guides, or the search budget would measure an empty page.
        assert SEARCH_WORD.encode() in client.get(urls["search results"][0]).content
        transaction.set_rollback(True)
    return counts


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_does_not_grow_with_content(query_counts, page_type):
    assert query_counts["large"][page_type] == query_counts["small"][page_type]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_stays_within_budget(query_counts, page_type):
    assert query_counts["large"][page_type] <= BUDGETS.get(page_type, BUDGET), query_counts["large"]
