"""What the site tells an edge cache (portal/edge_cache.py): which responses it may keep, for
how long, and when to forget them all.

An HTTP server on 127.0.0.1 stands in for Varnish's purge endpoint and records each request it
gets; the VCL itself is tried with a real varnishd in tests/e2e/test_edge_cache.py.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import ResolverMatch

from portal import page_cache

LANGUAGES = ["fr", "nl", "en"]


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 - the method's name is the HTTP verb
        self.received.append((self.command, self.path, self.headers.get("xkey-purge")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    """The purges an edge cache on 127.0.0.1 received, as (method, path, tag)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.received = []
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def edge_cache_on(settings, varnish):
    settings.PAGE_CACHE_SECONDS = 600
    settings.EDGE_CACHE_PURGE_URLS = [f"http://127.0.0.1:{varnish.server_port}/"]
    page_cache.next_generation()
    PurgeRecorder.received.clear()
    yield PurgeRecorder.received
    page_cache.next_generation()


def served_page_request(address="/fr/a-page/"):
    request = RequestFactory().get(address)
    request.resolver_match = ResolverMatch(lambda r: None, (), {}, url_name="wagtail_serve")
    return request


def shared_lifetime(response):
    directives = dict(
        part.strip().partition("=")[::2] for part in response.get("Cache-Control", "").split(",")
    )
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_public_page_may_be_kept_by_the_edge_cache_until_its_page_cache_copy_expires(
    site, edge_cache_on, language
):
    guide = site.guide[language]
    first = Client().get(guide.url)
    again = Client().get(guide.url)

    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    for response in (first, again):
        directives = shared_lifetime(response)
        assert "public" in directives
        assert directives["max-age"] == "0"
        assert 590 <= int(directives["s-maxage"]) <= 600
        assert response["xkey"] == "portal-pages"


@pytest.mark.django_db
def test_without_an_edge_cache_to_purge_no_page_is_marked_for_a_shared_cache(site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page_cache.next_generation()
    response = Client().get(site.home["fr"].url)

    assert response["X-Cache"] == "MISS"
    assert "public" not in response.get("Cache-Control", "")
    assert "xkey" not in response


@pytest.mark.django_db
def test_what_the_page_cache_does_not_keep_is_never_marked(site, edge_cache_on, admin_client):
    anonymous = Client()
    answers = [
        anonymous.get("/fr/search/?q=facture"),
        anonymous.get("/fr/no-such-page/"),
        # A parameter no page reads: served, but the edge cache keys on the whole address.
        anonymous.get(site.home["fr"].url + "?utm_source=newsletter"),
        admin_client.get(site.home["fr"].url),
        admin_client.get("/admin/"),
    ]
    for response in answers:
        assert "public" not in response.get("Cache-Control", ""), response.request["PATH_INFO"]
        assert "xkey" not in response


@pytest.mark.django_db
def test_every_committed_change_to_content_purges_every_edge_cache(
    site, edge_cache_on, django_capture_on_commit_callbacks
):
    guide = site.guide["nl"]
    with django_capture_on_commit_callbacks(execute=True):
        guide.title = "Onkosten, stap voor stap"
        guide.save_revision().publish()
        # Nothing before the commit: a page rendered meanwhile would read the old content.
        assert edge_cache_on == []

    assert edge_cache_on == [("PURGE", "/", "portal-pages")]


@pytest.mark.django_db
def test_a_page_rendered_while_content_changed_is_not_marked(edge_cache_on):
    def page_during_a_publish(request):
        # Another process commits a change while this page renders from the old content.
        page_cache.next_generation()
        return HttpResponse("a page")

    def page(request):
        return HttpResponse("a page")

    during = page_cache.PageCacheMiddleware(page_during_a_publish)(served_page_request())
    quiet = page_cache.PageCacheMiddleware(page)(served_page_request("/fr/another-page/"))

    assert during["X-Cache"] == quiet["X-Cache"] == "MISS"
    assert "public" not in during.get("Cache-Control", "")
    assert "public" in quiet["Cache-Control"]


@pytest.mark.django_db
def test_an_unreachable_edge_cache_never_fails_a_publish(site, settings, caplog):
    settings.EDGE_CACHE_PURGE_URLS = ["http://127.0.0.1:9/"]
    guide = site.guide["en"]
    guide.title = "Expenses, step by step"

    guide.save_revision().publish()
    page_cache.next_generation()

    assert "could not be purged" in caplog.text
