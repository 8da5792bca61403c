"""The 400, 403, 404, 500 and 503 pages render whatever else fails: the database refusing every
query, a Redis that errors on every call, or a Host header the site lookup refuses.

Each page comes from the handler Django itself would call (`handler400`… in portal/urls.py).
The module builds a site whose header and footer those pages read: the home page of each
language, a path, and a main menu and footer translated through wagtail-localize.
"""

import socket

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import OperationalError, connection
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import get_resolver
from django.utils import translation

from tests.guides.factories import PathPageFactory
from tests.home.factories import build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]

HEADINGS = {
    400: "We couldn't understand this address",
    403: "You can't open this page",
    404: "We can't find this page",
    503: "The portal is back in a moment",
}
EXCEPTIONS = {400: BadRequest(), 403: PermissionDenied(), 404: Http404()}


@pytest.fixture(scope="module")
def site(shared_data):
    """The home pages, a path, and the main menu and footer of every language."""
    with shared_data():
        path = PathPageFactory(parent=build_site_tree().home["fr"])
        menu = SiteNavigationFactory(links=[menu_link(path, "Smart Basic")])
        footer = SiteFooterFactory(
            link_groups=[footer_group("Sur ce portail", [(path, "Débuter")])]
        )
        for language in ["nl", "en"]:
            translate(path, language)
            translate(menu, language)
            translate(footer, language)
        yield


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def refuse_query(execute, sql, params, many, context):
    raise OperationalError("the database is unreachable")


@pytest.fixture
def failing(request, settings):
    """Makes one dependency fail for the length of the test, and gives the Host to send."""
    if request.param == "database":
        with connection.execute_wrapper(refuse_query):
            yield "testserver"
    elif request.param == "cache":
        # Redis on a closed port, errors not ignored: every cache call raises.
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
            }
        }
        settings.PAGE_CACHE_SECONDS = 600
        yield "testserver"
    else:
        yield "evil.example"


def error_page(status, host, language):
    request = RequestFactory().get(f"/{language}/somewhere/", HTTP_HOST=host)
    request.LANGUAGE_CODE = language
    with translation.override(language):
        if status in EXCEPTIONS:
            return get_resolver().resolve_error_handler(status)(request, EXCEPTIONS[status])
        handler = get_resolver().resolve_error_handler(500)
        try:
            if status == 503:
                raise OperationalError("the database is unreachable")
            raise RuntimeError("a bug")
        except Exception:  # noqa: BLE001 - handler500 runs inside the failing request
            return handler(request)


def expected_heading(status, language):
    with translation.override(language):
        return translation.gettext(HEADINGS[status])


@pytest.mark.django_db
@pytest.mark.parametrize("failing", ["database", "cache", "site lookup"], indirect=True)
@pytest.mark.parametrize("status", [400, 403, 404, 500, 503])
@pytest.mark.parametrize("language", LANGUAGES)
def test_error_pages_render_while_a_dependency_fails(site, failing, status, language):
    response = error_page(status, failing, language)

    assert response.status_code == status
    html = BeautifulSoup(response.content, "html.parser")
    if status == 500:
        assert html.h1.get_text(strip=True) == "Une erreur s'est produite"
    else:
        assert html.html["lang"] == language
        assert html.h1.get_text(strip=True) == expected_heading(status, language)
    if status == 503:
        assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_host_header_gets_a_readable_400(site, language):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)
