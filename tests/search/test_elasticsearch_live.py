"""Against a real Elasticsearch 9 server: runs only when ELASTICSEARCH_URL is set."""

import io
import os

import pytest
from django.core.management import call_command
from django.test import override_settings

from search.service import PortalSearch
from tests.pages import demo_page

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")

pytestmark = pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="set ELASTICSEARCH_URL to run against a live Elasticsearch"
)

LIVE = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [ELASTICSEARCH_URL or ""],
        "INDEX_PREFIX": "portal_livetest_",
    },
    "database": {"BACKEND": "search.backends.database"},
}


@pytest.fixture
def live_index(db):
    with override_settings(WAGTAILSEARCH_BACKENDS=LIVE):
        call_command("update_index", backend_name="default", stdout=io.StringIO())
        yield
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend("default")
        for index_name in backend.es.indices.get(index="portal_livetest_*"):
            backend.es.indices.delete(index=index_name)


def urls(rf, language, query):
    return [result.url for result in PortalSearch(rf.get("/"), query, language).run().results]


@pytest.mark.parametrize(
    ("language", "query", "guide_key"),
    [
        ("nl", "facturen", "invoicing-a-client"),
        ("fr", "regles", "expense-claims"),
        ("en", "invoices", "invoicing-a-client"),
    ],
)
def test_language_analysis_matches_plurals_and_accents(live_index, rf, language, query, guide_key):
    assert demo_page("guide", guide_key, language).url in urls(rf, language, query)


def test_glossary_abbreviation_finds_the_plain_words(live_index, rf):
    assert demo_page("guide", "copyright-agreements", "fr").url in urls(rf, "fr", "DA")
