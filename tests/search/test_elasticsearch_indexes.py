"""Elasticsearch in production shape, against the recording stand-in (elasticsearch_stand_in.py).

Rebuilds behind aliases, routing by the content's language, writes queued and replayed after an
outage, one meaning for a query on both backends. Every request the backend sends is checked
against the Elasticsearch 9 specification; a test fails if any was not allowed.
"""

import io
import time

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.search.backends import get_search_backend
from wagtail.users.models import UserProfile

from glossary.models import GlossaryTerm
from guides.models import GuidePage
from search import circuit_breaker, search_writes
from search.backends.elasticsearch_indexes import REBUILD_SILENT_AFTER, RebuildAlreadyRunning
from search.models import PendingSearchWrite
from tests.glossary.factories import GlossaryTermFactory
from tests.home.factories import build_site_tree
from tests.search.elasticsearch_stand_in import elasticsearch_stand_in
from tests.search.factories import (
    INVOICING_A_CLIENT,
    guide_in_every_language,
    paths_in_every_language,
)

PAGE_ALIASES = [
    "portal_test_wagtailcore_page_en",
    "portal_test_wagtailcore_page_fr",
    "portal_test_wagtailcore_page_nl",
]


def backends_at(url):
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": "portal_test_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
        "database": {"BACKEND": "search.backends.database"},
    }


@pytest.fixture
def elasticsearch():
    """The stand-in, configured as the portal's Elasticsearch; fails the test on any request
    the specification does not allow."""
    with (
        elasticsearch_stand_in() as stand_in,
        override_settings(WAGTAILSEARCH_BACKENDS=backends_at(stand_in.url)),
    ):
        yield stand_in
        assert not stand_in.violations, [
            f"{request.method} {request.path}: {request.problems}"
            for request in stand_in.violations
        ]


@pytest.fixture
def content(db):
    tree = build_site_tree()
    paths = paths_in_every_language(tree.home)
    invoicing = guide_in_every_language(paths["basic"]["fr"], **INVOICING_A_CLIENT)
    return {"tree": tree, "invoicing": invoicing}


def rebuild():
    call_command("update_index", backend_name="default", verbosity=0)


def documents_of(stand_in, alias):
    return {
        document_id: document
        for name in stand_in.concrete(alias)
        for document_id, document in stand_in.indices[name].documents.items()
    }


def result_links(response):
    assert response.status_code == 200
    return [
        a["href"]
        for a in BeautifulSoup(response.content, "html.parser").select(".search-result__title a")
    ]


def test_a_rebuild_fills_versioned_indexes_behind_aliases(elasticsearch, content):
    rebuild()

    assert set(PAGE_ALIASES) <= set(elasticsearch.aliases)
    for alias in PAGE_ALIASES:
        (physical,) = elasticsearch.aliases[alias]
        assert physical.startswith(alias + "_") and not elasticsearch.indices[physical].auto_created
    french = documents_of(elasticsearch, "portal_test_wagtailcore_page_fr")
    assert str(content["invoicing"]["fr"].pk) in french
    assert str(content["invoicing"]["nl"].pk) not in french
    # Images and documents have no language: one shared index each.
    assert "portal_test_wagtailimages_image" in elasticsearch.aliases


def test_searches_read_the_old_indexes_until_the_rebuild_switches_them(
    elasticsearch, client, content
):
    rebuild()
    elasticsearch.forget_requests()
    old = set(elasticsearch.aliases["portal_test_wagtailcore_page_fr"])
    backend = get_search_backend("default")
    indexes = backend.get_index_for_model(GuidePage)
    rebuilder = backend.rebuilder_class(indexes)
    new = rebuilder.start()
    new.add_model(GuidePage)

    # Half-way: the new indexes are empty, members still get every result, with no error.
    assert content["invoicing"]["fr"].url in result_links(
        client.get("/fr/search/", {"q": "facture"})
    )
    assert set(elasticsearch.aliases["portal_test_wagtailcore_page_fr"]) == old

    new.add_items(GuidePage, list(GuidePage.objects.all()))
    rebuilder.finish()

    switched = set(elasticsearch.aliases["portal_test_wagtailcore_page_fr"])
    assert switched == {new.indexes["fr"].physical_name}
    assert not old & set(elasticsearch.indices), "the old index is dropped after the switch"
    assert content["invoicing"]["fr"].url in result_links(
        client.get("/fr/search/", {"q": "facture"})
    )
    switches = elasticsearch.requests_to("/_aliases", "POST")
    assert len(switches) == 1, "every language's alias moves in one atomic request"


def test_a_change_made_during_a_rebuild_reaches_the_new_indexes(
    elasticsearch, content, django_capture_on_commit_callbacks
):
    rebuild()
    backend = get_search_backend("default")
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(GuidePage))
    new = rebuilder.start()
    new.add_model(GuidePage)
    # The rebuild reads the guide as it is now...
    new.add_items(GuidePage, list(GuidePage.objects.all()))

    # ...then an editor changes it before the rebuild finishes.
    guide = GuidePage.objects.get(pk=content["invoicing"]["fr"].pk)
    guide.title = "Facturer un client, pas à pas"
    guide.save_revision().publish()
    search_writes.send_pending_writes()
    rebuilder.finish()

    document = documents_of(elasticsearch, "portal_test_wagtailcore_page_fr")[str(guide.pk)]
    assert "pas à pas" in str(document)


def test_a_batch_of_live_writes_reads_the_rebuilds_under_way_once(
    elasticsearch, content, django_capture_on_commit_callbacks
):
    rebuild()
    search_writes.send_all_pending()  # What building the content queued.
    backend = get_search_backend("default")
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(GuidePage))
    new = rebuilder.start()
    new.add_model(GuidePage)
    for guide in content["invoicing"].values():
        guide.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        assert search_writes.send_pending_writes() == 3
    rebuilder.finish()

    reads = [query for query in queries if "search_searchindexrebuild" in query["sql"]]
    assert len(reads) == 1, "one read for the batch, not one per write"
    # And the writes reached the rebuild's new indexes all the same.
    for language, guide in content["invoicing"].items():
        assert str(guide.pk) in documents_of(
            elasticsearch, f"portal_test_wagtailcore_page_{language}"
        )


def test_a_rebuild_drops_the_indexes_one_that_stopped_halfway_left(elasticsearch, content):
    rebuild()
    backend = get_search_backend("default")
    abandoned = backend.rebuilder_class(backend.get_index_for_model(GuidePage)).start()
    orphans = {index.physical_name for index in abandoned.indexes.values()}
    assert orphans <= set(elasticsearch.indices)

    # It has sent nothing for longer than a batch can take: it has stopped.
    with time_machine.travel(time.time() + REBUILD_SILENT_AFTER.total_seconds() + 60):
        rebuild()

    assert not orphans & set(elasticsearch.indices)
    for alias in PAGE_ALIASES:
        assert len(elasticsearch.aliases[alias]) == 1
        assert len([name for name in elasticsearch.indices if name.startswith(alias + "_")]) == 1


def test_a_second_rebuild_waits_for_the_one_under_way(elasticsearch, client, content):
    rebuild()
    backend = get_search_backend("default")
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(GuidePage))
    new = rebuilder.start()
    new.add_model(GuidePage)
    filling = {index.physical_name for index in new.indexes.values()}

    with pytest.raises(RebuildAlreadyRunning, match="Another rebuild of portal_test_wagtailcore"):
        rebuild()

    # The first one's indexes were not taken for abandoned ones: it goes on and switches.
    assert filling <= set(elasticsearch.indices)
    new.add_items(GuidePage, list(GuidePage.objects.all()))
    rebuilder.finish()
    assert set(elasticsearch.aliases["portal_test_wagtailcore_page_fr"]) == {
        new.indexes["fr"].physical_name
    }
    assert content["invoicing"]["fr"].url in result_links(
        client.get("/fr/search/", {"q": "facture"})
    )
    # Once it has finished, the next rebuild goes ahead.
    rebuild()
    assert not filling & set(elasticsearch.indices)


def test_a_rebuild_that_fails_lets_the_next_one_start_at_once(content):
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=backends_at("http://127.0.0.1:9")),
        pytest.raises(circuit_breaker.BACKEND_ERRORS),
    ):
        rebuild()

    with (
        elasticsearch_stand_in() as stand_in,
        override_settings(WAGTAILSEARCH_BACKENDS=backends_at(stand_in.url)),
    ):
        # Elasticsearch is back a minute later: no "another rebuild is under way".
        rebuild()
        assert str(content["invoicing"]["fr"].pk) in documents_of(
            stand_in, "portal_test_wagtailcore_page_fr"
        )
        assert not stand_in.violations


def test_each_batch_a_rebuild_sends_keeps_it_under_way(elasticsearch, content):
    rebuild()
    backend = get_search_backend("default")
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(GuidePage))
    new = rebuilder.start()
    new.add_model(GuidePage)
    with time_machine.travel(time.time() + REBUILD_SILENT_AFTER.total_seconds() - 60):
        new.add_items(GuidePage, list(GuidePage.objects.all()))
    with time_machine.travel(time.time() + REBUILD_SILENT_AFTER.total_seconds() + 60):
        # Silent for less than REBUILD_SILENT_AFTER since its last batch: still under way, and
        # live writes still reach its indexes.
        with pytest.raises(RebuildAlreadyRunning):
            rebuild()
        guide = GuidePage.objects.get(pk=content["invoicing"]["nl"].pk)
        guide.title = "Een klant factureren, stap voor stap"
        guide.save_revision().publish()
        search_writes.send_pending_writes()
    document = elasticsearch.indices[new.indexes["nl"].physical_name].documents[str(guide.pk)]
    assert "stap voor stap" in str(document)


def test_editors_find_pages_of_every_language_whatever_their_interface_language(
    elasticsearch, admin_client, admin_user, content
):
    rebuild()
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()

    response = admin_client.get("/admin/pages/search/", {"q": "facturer"})

    assert response.status_code == 200
    assert content["invoicing"]["fr"].title in response.content.decode()
    searched = [request.path for request in elasticsearch.requests_to("/_search")]
    assert any(all(alias in path for alias in PAGE_ALIASES) for path in searched), searched


def test_images_are_found_from_any_interface_language(
    elasticsearch, admin_client, admin_user, content
):
    rebuild()
    picture = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(picture, "PNG")
    Image.objects.create(
        title="Atelier de sérigraphie",
        file=SimpleUploadedFile("atelier.png", picture.getvalue()),
    )
    search_writes.send_pending_writes()
    profile = UserProfile.get_for_user(admin_user)

    for language in ["fr", "nl", "en"]:
        profile.preferred_language = language
        profile.save()
        response = admin_client.get("/admin/images/", {"q": "serigraphie"})
        assert "Atelier de sérigraphie" in response.content.decode(), language


def test_writes_made_while_elasticsearch_is_down_are_replayed_when_it_is_back(
    content, client, settings
):
    # Elasticsearch is down while an editor publishes.
    with override_settings(WAGTAILSEARCH_BACKENDS=backends_at("http://127.0.0.1:9")):
        guide = GuidePage.objects.get(pk=content["invoicing"]["en"].pk)
        guide.title = "Invoicing a client, explained"
        guide.save_revision().publish()
        assert search_writes.send_pending_writes() == 0
        assert PendingSearchWrite.objects.filter(object_id=str(guide.pk), sent_at=None).exists()
        # Members still find it: the database answers.
        assert guide.url in result_links(client.get("/en/search/", {"q": "explained"}))

    with (
        elasticsearch_stand_in() as stand_in,
        override_settings(WAGTAILSEARCH_BACKENDS=backends_at(stand_in.url)),
        # The failed send opened the circuit breaker; the next try comes once it closes.
        time_machine.travel(time.time() + settings.SEARCH_BREAKER_SECONDS + 1, tick=True),
    ):
        # Elasticsearch is back, with empty indexes: what was written meanwhile is replayed.
        call_command("update_index", backend_name="default", schema_only=True, verbosity=0)
        call_command("send_search_writes", verbosity=0)

        document = documents_of(stand_in, "portal_test_wagtailcore_page_en")[str(guide.pk)]
        assert document["title"] == "Invoicing a client, explained"
        assert not PendingSearchWrite.objects.filter(sent_at=None).exists()
        assert not stand_in.violations


def test_writes_an_overloaded_cluster_refuses_stay_pending_until_it_takes_them(
    elasticsearch, client, content, settings
):
    rebuild()
    search_writes.send_all_pending()  # What building the content queued.
    # Searches are answered, document writes refused (429), in single and bulk requests alike.
    elasticsearch.rejected_writes = True
    removed = content["invoicing"]["nl"]
    removed.delete()
    assert search_writes.send_pending_writes() == 0
    guide = GuidePage.objects.get(pk=content["invoicing"]["fr"].pk)
    guide.title = "Facturer un client, pas à pas"
    guide.save_revision().publish()
    assert search_writes.send_pending_writes() == 0

    pending = PendingSearchWrite.objects.filter(sent_at=None)
    assert {str(guide.pk), str(removed.pk)} <= set(pending.values_list("object_id", flat=True))
    # Meanwhile members find the change: the refused write opened the breaker, the database
    # answers.
    assert guide.url in result_links(client.get("/fr/search/", {"q": "pas à pas"}))

    elasticsearch.rejected_writes = False
    with time_machine.travel(time.time() + settings.SEARCH_BREAKER_SECONDS + 1, tick=True):
        call_command("send_search_writes", verbosity=0)

    assert "pas à pas" in str(documents_of(elasticsearch, "portal_test_wagtailcore_page_fr"))
    assert str(removed.pk) not in documents_of(elasticsearch, "portal_test_wagtailcore_page_nl")
    assert not PendingSearchWrite.objects.filter(sent_at=None).exists()


def test_the_sender_forgets_writes_sent_over_a_day_ago(elasticsearch, content):
    rebuild()
    guide = GuidePage.objects.get(pk=content["invoicing"]["fr"].pk)
    with time_machine.travel(time.time() - 2 * 24 * 60 * 60, tick=True):
        guide.save_revision().publish()
        search_writes.send_all_pending()
    newer = GuidePage.objects.get(pk=content["invoicing"]["nl"].pk)
    newer.save_revision().publish()

    assert search_writes.send_all_pending() == 1

    # The older write is no use to a rebuild's catch-up any more; the one sent now is kept.
    assert list(PendingSearchWrite.objects.values_list("object_id", flat=True)) == [str(newer.pk)]


def test_a_write_never_creates_an_index_elasticsearch_would_guess(elasticsearch, client, content):
    # No update_index yet: the aliases do not exist.
    guide = GuidePage.objects.get(pk=content["invoicing"]["fr"].pk)
    guide.save_revision().publish()
    search_writes.send_pending_writes()

    assert not [index for index in elasticsearch.indices.values() if index.auto_created]
    assert PendingSearchWrite.objects.filter(object_id=str(guide.pk), sent_at=None).exists()
    # Searching a missing index falls back to the database.
    assert guide.url in result_links(client.get("/fr/search/", {"q": "facture"}))


def test_a_deleted_page_leaves_every_language_index(elasticsearch, content):
    rebuild()
    guide = content["invoicing"]["nl"]
    guide.delete()
    search_writes.send_pending_writes()

    for alias in PAGE_ALIASES:
        assert str(guide.pk) not in documents_of(elasticsearch, alias)


def test_glossary_wordings_are_expanded_by_the_query_not_by_elasticsearch(
    elasticsearch, client, content
):
    rebuild()
    for alias in PAGE_ALIASES:
        settings_ = elasticsearch.indices[next(iter(elasticsearch.aliases[alias]))].settings
        assert "synonym" not in str(settings_)
    term = GlossaryTermFactory(term="Facturation", variants="facturer\nFAC")
    search_writes.send_pending_writes()
    elasticsearch.forget_requests()

    # A wording added a second ago counts at once, without a rebuild.
    client.get("/fr/search/", {"q": "FAC"})

    bodies = [request.body.decode() for request in elasticsearch.requests_to("/_search")]
    assert any("facturation" in body.lower() for body in bodies), bodies
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()


def test_suggestions_need_every_word_and_fold_accents_on_elasticsearch(
    elasticsearch, client, content
):
    rebuild()
    elasticsearch.forget_requests()

    assert client.get("/fr/search/suggest/", {"q": "factur cli"}).status_code == 200

    bodies = [request.body.decode() for request in elasticsearch.requests_to("/_search")]
    assert bodies and all(
        '"operator": "and"' in body.replace('":"', '": "') or "and" in body for body in bodies
    )
    mappings = str(
        elasticsearch.indices[
            next(iter(elasticsearch.aliases["portal_test_wagtailcore_page_fr"]))
        ].mappings
    )
    assert (
        "'search_analyzer': 'portal_folding'" in mappings
        and "'search_analyzer': 'standard'" not in mappings
    )


def test_searches_go_back_to_elasticsearch_once_a_probe_finds_it_back(
    elasticsearch, client, content, settings
):
    rebuild()
    circuit_breaker.trip()  # It failed a moment ago.
    with time_machine.travel(time.time() + settings.SEARCH_BREAKER_SECONDS + 1, tick=True):
        elasticsearch.forget_requests()
        client.get("/fr/search/", {"q": "facture"})
        assert not elasticsearch.requests_to("/portal_test_wagtailcore_page_fr/_search")
        circuit_breaker.wait_for_probes()

        assert not circuit_breaker.is_open()
        assert content["invoicing"]["fr"].url in result_links(
            client.get("/fr/search/", {"q": "facture"})
        )
        assert elasticsearch.requests_to("/portal_test_wagtailcore_page_fr/_search")


def test_partial_results_send_the_search_to_the_database(elasticsearch, client, content):
    rebuild()
    elasticsearch.failed_shards = 1  # One shard of two did not answer.

    assert content["invoicing"]["fr"].url in result_links(
        client.get("/fr/search/", {"q": "facture"})
    )
    assert circuit_breaker.is_open()
    searches = elasticsearch.requests_to("/_search")
    assert searches and all(
        request.query.get("allow_partial_search_results") == ["false"] for request in searches
    )


@pytest.mark.django_db(transaction=True)
def test_a_save_returns_before_elasticsearch_has_answered(migrated_content_given_back):
    # Committed for real: the write is sent after the commit, by a thread of its own.
    with (
        elasticsearch_stand_in() as stand_in,
        override_settings(WAGTAILSEARCH_BACKENDS=backends_at(stand_in.url)),
    ):
        call_command("update_index", backend_name="default", schema_only=True, verbosity=0)
        stand_in.delay = 0.5  # Slow, within the timeout: every answer takes half a second.

        term = GlossaryTermFactory(term="Coopérative d'activités")

        # The save is over; Elasticsearch has not answered yet.
        alias = "portal_test_glossary_glossaryterm_fr"
        assert str(term.pk) not in documents_of(stand_in, alias)
        assert PendingSearchWrite.objects.get(object_id=str(term.pk)).sent_at is None
        search_writes.wait_for_background_sends()
        assert documents_of(stand_in, alias)[str(term.pk)]["term"] == "Coopérative d'activités"
        assert PendingSearchWrite.objects.get(object_id=str(term.pk)).sent_at is not None
        assert not stand_in.violations
