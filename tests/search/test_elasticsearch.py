"""The Elasticsearch backend: per-language indexes and analyzers, and the database fallback.

No Elasticsearch server can run here: these tests check the index settings and documents our
code produces through the official client's interfaces, and use a real closed port for outages.
The live suite (test_elasticsearch_live.py) runs when ELASTICSEARCH_URL is set.

Two guides and two glossary entries, in French, Dutch and English, are built once for the module.
"""

import logging

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.images.models import Image

from guides.models import GuidePage
from search import circuit_breaker
from search.backends.elasticsearch import MultilingualElasticsearchBackend
from tests.glossary.factories import GlossaryTermFactory
from tests.home.factories import build_site_tree
from tests.search.broken_elasticsearch import (
    HITS_WITHOUT_FIELDS,
    elasticsearch_answering,
    server_that_never_answers,
)
from tests.search.factories import (
    INVOICING_A_CLIENT,
    guide_in_every_language,
    in_every_language,
    paths_in_every_language,
)

CLOSED_PORT_URL = "http://127.0.0.1:9"
ELASTICSEARCH_DOWN = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [CLOSED_PORT_URL],
        "INDEX_PREFIX": "portal_test_",
        "TIMEOUT": 2,
        "OPTIONS": {"max_retries": 0},
    },
    "database": {"BACKEND": "search.backends.database"},
}


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        invoicing = guide_in_every_language(
            paths["basic"]["fr"],
            **INVOICING_A_CLIENT,
        )
        hiring = guide_in_every_language(
            paths["expert"]["fr"],
            fr={
                "title": "Engager quelqu'un pour votre activité",
                "summary": "Choisir la bonne formule et lancer l'engagement à temps.",
                "step": "Décrivez votre besoin",
                "body": "Quelles tâches, combien de jours, à partir de quand ?",
            },
            nl={
                "title": "Iemand aanwerven voor uw activiteit",
                "summary": "De juiste formule kiezen en de aanwerving op tijd starten.",
                "step": "Beschrijf wat u nodig hebt",
                "body": "Welke taken, hoeveel dagen, vanaf wanneer?",
            },
            en={
                "title": "Hiring someone for your activity",
                "summary": "Choosing the right formula and starting the hiring in time.",
                "step": "Describe what you need",
                "body": "Which tasks, how many days, from when?",
            },
        )
        in_every_language(
            GlossaryTermFactory(
                term="Convention de droits d'auteur",
                variants="DA\nconventions de droits d'auteur",
                definition="Un contrat qui rémunère l'utilisation de votre œuvre par un client.",
            ),
            nl={
                "Convention de droits d'auteur": "Auteursrechtenovereenkomst",
                "DA\nconventions de droits d'auteur": "AR\nauteursrechtenovereenkomsten",
            },
            en={
                "Convention de droits d'auteur": "Copyright agreement",
                "DA\nconventions de droits d'auteur": "CA\ncopyright agreements",
            },
        )
        in_every_language(
            GlossaryTermFactory(
                term="Note de frais",
                variants="notes de frais",
                definition="Une demande de remboursement d'une dépense payée pour votre activité.",
            ),
            nl={"Note de frais": "Onkostennota", "notes de frais": "onkostennota's"},
            en={"Note de frais": "Expense claim", "notes de frais": "expense claims"},
        )
        yield {"invoicing": invoicing, "hiring": hiring}


@pytest.fixture
def backend():
    return MultilingualElasticsearchBackend(
        {"URLS": [CLOSED_PORT_URL], "INDEX_PREFIX": "portal_", "OPTIONS": {"max_retries": 0}}
    )


def test_every_translatable_model_gets_one_index_per_language(backend):
    index = backend.get_index_for_model(GuidePage)

    assert sorted(sub.name for sub in index.indexes.values()) == [
        "portal_wagtailcore_page_en",
        "portal_wagtailcore_page_fr",
        "portal_wagtailcore_page_nl",
    ]
    assert [sub.name for sub in backend.get_index_for_model(Image).indexes.values()] == [
        "portal_wagtailimages_image"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "stemmer", "stopwords"),
    [
        ("fr", "light_french", "_french_"),
        ("nl", "dutch", "_dutch_"),
        ("en", "english", "_english_"),
    ],
)
def test_each_language_index_analyses_with_its_own_language(backend, language, stemmer, stopwords):
    analysis = backend.settings_for_language(language)["settings"]["analysis"]

    assert analysis["filter"]["portal_stemmer"] == {"type": "stemmer", "language": stemmer}
    assert analysis["filter"]["portal_stop"]["stopwords"] == stopwords
    assert "asciifolding" in analysis["analyzer"]["default"]["filter"]
    # Glossary wordings are the query's business (search.query), not the index's.
    assert "synonym" not in str(analysis)
    # modelsearch's own analyzers (autocomplete) are kept.
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=ELASTICSEARCH_DOWN)
def test_search_answers_from_the_database_when_elasticsearch_is_down(client, caplog, content):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/fr/search/", {"q": "facture"})

    assert response.status_code == 200
    links = [
        a["href"]
        for a in BeautifulSoup(response.content, "html.parser").select(".search-result__title a")
    ]
    assert content["invoicing"]["fr"].url in links
    assert "answering from the database" in caplog.text
    suggestions = client.get("/fr/search/suggest/", {"q": "fact"})
    assert suggestions.status_code == 200 and suggestions.json()["suggestions"]


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=ELASTICSEARCH_DOWN)
def test_publishing_still_works_when_elasticsearch_is_down(client, content):
    guide = GuidePage.objects.get(pk=content["hiring"]["en"].pk)
    guide.title = "Hiring someone, explained"
    guide.save_revision().publish()

    assert client.get(guide.url).status_code == 200
    links = [
        a["href"]
        for a in BeautifulSoup(
            client.get("/en/search/", {"q": "explained"}).content, "html.parser"
        ).select(".search-result__title a")
    ]
    assert guide.url in links


def elasticsearch_at(url):
    """Search settings with Elasticsearch at `url`, a one-second timeout and the database."""
    return {
        **ELASTICSEARCH_DOWN,
        "default": {**ELASTICSEARCH_DOWN["default"], "URLS": [url], "TIMEOUT": 1},
    }


def result_links(response):
    assert response.status_code == 200
    return [
        a["href"]
        for a in BeautifulSoup(response.content, "html.parser").select(".search-result__title a")
    ]


@pytest.mark.django_db
def test_a_slow_elasticsearch_is_waited_for_once_then_skipped_while_the_breaker_is_open(
    client, content
):
    with (
        server_that_never_answers() as slow,
        override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_at(slow["url"])),
    ):
        assert content["invoicing"]["fr"].url in result_links(
            client.get("/fr/search/", {"q": "facture"})
        )
        asked = slow["connections"]
        assert asked >= 1

        # Other members, other languages, the suggestions: the database answers at once.
        assert content["invoicing"]["nl"].url in result_links(
            client.get("/nl/search/", {"q": "factuur"})
        )
        assert client.get("/en/search/suggest/", {"q": "invo"}).status_code == 200
        assert slow["connections"] == asked


@pytest.mark.django_db
def test_elasticsearch_is_probed_in_the_background_once_the_rest_is_over(client, content, settings):
    with (
        server_that_never_answers() as slow,
        override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_at(slow["url"])),
        time_machine.travel(0, tick=True) as clock,
    ):
        client.get("/fr/search/", {"q": "facture"})
        asked = slow["connections"]
        clock.shift(settings.SEARCH_BREAKER_SECONDS + 1)

        # The member's search does not wait on the probe: the database answers.
        assert content["invoicing"]["fr"].url in result_links(
            client.get("/fr/search/", {"q": "facture"})
        )
        circuit_breaker.wait_for_probes()
        assert slow["connections"] == asked + 1, "one probe, on a thread of its own"
        # Still not answering: the breaker stays open for another rest.
        assert circuit_breaker.is_open()


@pytest.mark.django_db
def test_hits_from_an_index_with_the_wrong_mapping_fall_back_to_the_database(
    client, content, caplog
):
    # A save that reached Elasticsearch before the index existed let it create one with a
    # mapping of its own guessing: hits come back without the fields the backend reads.
    with (
        elasticsearch_answering(HITS_WITHOUT_FIELDS) as wrong,
        override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_at(wrong["url"])),
        caplog.at_level(logging.WARNING, logger="search.service"),
    ):
        links = result_links(client.get("/fr/search/", {"q": "facture"}))

    assert wrong["requests"], "the search never reached the stand-in"
    assert content["invoicing"]["fr"].url in links
    assert "answering from the database" in caplog.text


def hits_for(*pages):
    """A search answer listing `pages`, as Elasticsearch 9 returns it to the backend."""
    return {
        **HITS_WITHOUT_FIELDS,
        "hits": {
            "total": {"value": len(pages), "relation": "eq"},
            "max_score": 1.0,
            "hits": [
                {
                    "_index": "portal_wagtailcore_page_fr",
                    "_id": f"wagtailcore.page:{page.pk}",
                    "_score": 1.0,
                    "fields": {"pk": [str(page.pk)]},
                }
                for page in pages
            ],
        },
    }


@pytest.mark.django_db
def test_a_search_page_asks_elasticsearch_once_per_kind_of_result_never_scrolling(client, content):
    invoicing = content["invoicing"]["fr"]
    with (
        elasticsearch_answering(hits_for(invoicing)) as elasticsearch,
        override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_at(elasticsearch["url"])),
    ):
        links = result_links(client.get("/fr/search/", {"q": "facture"}))

    paths = [path for _method, path, _body in elasticsearch["requests"]]
    searches = [path for path in paths if "/_search" in path]
    assert invoicing.url in links
    assert searches and not [path for path in paths if "scroll" in path]
    # Pages, glossary terms, other websites' pages, questions, and a spelling check per word.
    assert len(searches) <= 8, paths
