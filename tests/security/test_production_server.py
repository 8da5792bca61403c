"""The requests that once answered 500, sent to the server production runs: gunicorn with
`portal.settings.production` on 127.0.0.1, DEBUG off, Redis, static files collected.

The test client stops at Django's handler; here the answers come out of a gunicorn worker,
through the settings module a deploy uses, and an uploaded image is served from /media/.

The server is another process: it sees only committed rows. So this module commits what it
serves, a French home page as the default site's root with its news listing and an image, and
deletes it all when its last test is done.
"""

import io
import shutil
import socket
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Site

from benchmarks import load_server
from tests.home.factories import HomePageFactory
from tests.news.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db

# The Redis database of this test; the page cache and the facts about content live there.
REDIS_URL = "redis://127.0.0.1:6379/10"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Lets a redirect come back as the answer, so the test sees where it points."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def free_port():
    with socket.socket() as probe:
        probe.bind((load_server.HOST, 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, where this module committed what the server serves."""
    database = connection.settings_dict
    password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
    return (
        f"postgres://{quote(database['USER'], safe='')}{password}@"
        f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    )


@pytest.fixture(scope="module")
def uploaded_image(django_db_setup, django_db_blocker):
    """An image as a guide shows it, committed so the server sees it; removed afterwards."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (320, 200), "teal").save(buffer, "PNG")
    with django_db_blocker.unblock():
        image = get_image_model().objects.create(
            title="Production photo", file=ImageFile(buffer, name="production-photo.png")
        )
        # The rendition a guide's full-width image uses.
        rendition = image.get_rendition("width-800")
        yield image.file.url, rendition.url
        image.delete()


@pytest.fixture(scope="module")
def news_index(django_db_setup, django_db_blocker):
    """The French news listing under the French home page, made the default site's root.

    Committed so the server sees them; afterwards the site's root is put back and the pages are
    deleted (their revisions with them) with their log entries, which outlive a deleted page.
    """
    with django_db_blocker.unblock():
        site = Site.objects.get(is_default_site=True)
        previous_root = site.root_page
        home = HomePageFactory()
        news = NewsIndexPageFactory(parent=home)
        site.root_page = home
        site.save()
        try:
            yield news
        finally:
            site.root_page = previous_root
            site.save()
            page_ids = [home.pk, news.pk]
            Page.objects.get(pk=home.pk).delete()
            PageLogEntry.objects.filter(page_id__in=page_ids).delete()


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, uploaded_image, news_index):
    """The address of gunicorn serving the test database with production settings."""
    with django_db_blocker.unblock():
        environment = load_server.production_environment(
            database_url(), REDIS_URL, MEDIA_ROOT=settings.MEDIA_ROOT
        )
    static_root = load_server.collect_static(environment)
    port = free_port()
    process = load_server.start_gunicorn(environment, port, workers=1)
    try:
        yield f"http://{load_server.HOST}:{port}"
    finally:
        load_server.stop(process)
        shutil.rmtree(static_root, ignore_errors=True)


def host(url):
    return url.split("://", 1)[1]


def send(url, data=None, **headers):
    """(status, headers, body) of one request; error statuses are answers, not exceptions."""
    # Always the server this module started on 127.0.0.1.
    request = urllib.request.Request(  # noqa: S310
        url, data=data, headers={**load_server.PROXY_HEADERS, **headers}
    )
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_host_the_site_does_not_serve_is_refused_with_400(server):
    status, _headers, _body = send(f"{server}/fr/", Host="evil.example")

    assert status == 400


def test_a_news_page_number_in_another_spelling_of_digits_is_not_found(server, news_index):
    statuses = [
        send(f"{server}{news_index.url}?page={quote(number)}")[0] for number in ("1", "²", "①")
    ]

    assert statuses == [200, 404, 404]


def test_choosing_a_path_with_a_next_that_is_no_address_goes_to_the_home_page(server):
    # The form sits on cached pages and carries no CSRF token: the view checks the origin.
    status, headers, _body = send(
        f"{server}/fr/my-path/", data=b"level=basic&next=abc", Origin=f"https://{host(server)}"
    )

    assert status == 302
    assert headers["Location"] == "/"


def test_choosing_a_path_from_another_site_is_refused(server):
    status, _headers, _body = send(
        f"{server}/fr/my-path/", data=b"level=basic&next=abc", Origin="https://evil.example"
    )

    assert status == 403


def test_an_uploaded_image_and_its_rendition_are_served_from_media(server, uploaded_image):
    for url in uploaded_image:
        status, headers, body = send(f"{server}{url}")

        assert url.startswith("/media/")
        assert status == 200
        assert headers["Content-Type"] == "image/png"
        assert body.startswith(b"\x89PNG")
