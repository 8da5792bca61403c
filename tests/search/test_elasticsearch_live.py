"""Against a real Elasticsearch 9 server: runs only when ELASTICSEARCH_URL is set.

The guides and the glossary entry searched are built once for the module, in French, Dutch and
English, before the index is built from them.
"""

import io
import os

import pytest
from django.core.management import call_command
from django.test import override_settings

from search.service import PortalSearch
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import PathPageFactory
from tests.home.factories import build_site_tree
from tests.search.factories import INVOICING_A_CLIENT, guide_in_every_language, in_every_language

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


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        path = PathPageFactory(parent=tree.home["fr"])
        in_every_language(path)
        invoicing = guide_in_every_language(
            path,
            **INVOICING_A_CLIENT,
        )
        expense_claims = guide_in_every_language(
            path,
            fr={
                "title": "Déclarer vos frais professionnels",
                "summary": "Les règles du remboursement d'une dépense payée pour votre activité.",
                "step": "Gardez un justificatif",
                "body": "Chaque dépense doit être prouvée par un ticket.",
            },
            nl={
                "title": "Uw onkosten indienen",
                "summary": "De regels om een uitgave voor uw activiteit terug te krijgen.",
                "step": "Bewaar een bewijsstuk",
                "body": "Elke uitgave moet bewezen worden met een kasticket.",
            },
            en={
                "title": "Claiming your business expenses",
                "summary": "The rules to be repaid an expense paid for your activity.",
                "step": "Keep a proof",
                "body": "Every expense must be proven by a till slip.",
            },
        )
        # Its text never says 'DA': only the glossary entry ties the abbreviation to it.
        copyright_agreements = guide_in_every_language(
            path,
            fr={
                "title": "Céder vos droits d'auteur avec une convention",
                "summary": "Une convention de droits d'auteur rémunère l'utilisation de votre "
                "œuvre par un client.",
                "step": "Vérifiez que votre travail est concerné",
                "body": "Seule une œuvre originale donne droit à une convention.",
            },
            nl={},
            en={},
        )
        GlossaryTermFactory(
            term="Convention de droits d'auteur",
            variants="DA",
            definition="Un contrat qui rémunère l'utilisation de votre œuvre par un client.",
        )
        yield {
            "invoicing": invoicing,
            "expense claims": expense_claims,
            "copyright agreements": copyright_agreements,
        }


@pytest.fixture
def live_index(db, content):
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
    ("language", "query", "guide"),
    [
        ("nl", "facturen", "invoicing"),
        ("fr", "regles", "expense claims"),
        ("en", "invoices", "invoicing"),
    ],
)
def test_language_analysis_matches_plurals_and_accents(
    live_index, content, rf, language, query, guide
):
    assert content[guide][language].url in urls(rf, language, query)


def test_glossary_abbreviation_finds_the_plain_words(live_index, content, rf):
    assert content["copyright agreements"]["fr"].url in urls(rf, "fr", "DA")
