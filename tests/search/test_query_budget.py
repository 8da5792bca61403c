"""The search page answers in a fixed, small number of SQL queries, whatever it finds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import GuidePageFactory, step
from tests.pages import LANGUAGES, demo_page

# Glossary terms, promotions, view restrictions, four searches (pages, terms, other websites,
# questions), the pages around the results, the excerpts' text, the search log, and what every
# page costs (site, navigation). SQLite's index doesn't keep the excerpts' text: it is read from
# the pages shown, one query per page type.
BUDGET = 13 if connection.vendor == "postgresql" else 15
BROAD_WORDS = {"fr": "facture", "nl": "factuur", "en": "invoice"}


def queries_for(client, url):
    client.get(url)  # Caches warmed, as for every request after the first.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_page_stays_within_its_query_budget(client, language):
    response, queries = queries_for(client, f"/{language}/search/?q={BROAD_WORDS[language]}")

    assert b"search-result__excerpt" in response.content
    assert len(queries) <= BUDGET, "\n".join(sql[:160] for sql in queries)


@pytest.mark.django_db
def test_more_results_and_later_pages_cost_no_more_queries(client):
    parent = demo_page("path", "expert", "en")
    _response, few = queries_for(client, "/en/search/?q=marimbaphone")
    for number in range(25):
        GuidePageFactory(
            parent=parent,
            title=f"Marimbaphone tour {number}",
            slug=f"marimbaphone-{number}",
            steps=[step("Pack", f"<p>Pack the marimbaphone for stop {number}.</p>")],
        )

    _response, many = queries_for(client, "/en/search/?q=marimbaphone")
    response, third_page = queries_for(client, "/en/search/?q=marimbaphone&page=3")

    assert b"Marimbaphone tour" in response.content
    assert len(many) == len(third_page) <= BUDGET
    # With nothing found the page also looks for a close spelling and in other languages.
    assert len(many) <= len(few)
