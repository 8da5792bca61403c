"""When Redis is down, the site serves every page uncached: slower, never broken.

The cache is the one production uses (portal.settings.base.redis_cache, django-redis) pointed at
a real Redis address where nothing answers: a closed port, or a socket that accepts connections
and never replies, as a Redis host that hangs or a network that drops packets would. The page
cache is on, as in production.

The module builds a guide, the glossary and the news listing in French, and translates the guide
and the glossary into Dutch and English through wagtail-localize.
"""

import socket
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from feedback.models import PageFeedback
from feedback.records import feedback_token
from portal.settings.base import redis_cache
from tests.glossary.factories import GlossaryPageFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="module")
def pages(shared_data):
    """{name: {language: page}}: the home pages, a guide, the glossary and the French news."""
    with shared_data():
        homes = build_site_tree().home
        path = PathPageFactory(parent=homes["fr"])
        guide = GuidePageFactory(parent=path, title="Déclarer vos frais")
        glossary = GlossaryPageFactory(parent=homes["fr"])
        built = {"home": homes, "news": {"fr": NewsIndexPageFactory(parent=homes["fr"])}}
        for name, page in [("path", path), ("guide", guide), ("glossary", glossary)]:
            built[name] = {"fr": page, **{code: translate(page, code) for code in ["nl", "en"]}}
        yield built


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """Redis configured as in production, on a port of 127.0.0.1 where nothing listens."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def redis_silent(settings):
    """Redis configured as in production, on a socket that accepts and never answers."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        url = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        settings.CACHES = {"default": redis_cache(url)}
        settings.PAGE_CACHE_SECONDS = 600
        yield


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_served_uncached_when_redis_is_down(client, pages, redis_down, language):
    guide = pages["guide"][language]

    first = client.get(guide.url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(guide.url)

    assert (first.status_code, again.status_code) == (200, 200)
    assert guide.title in again.content.decode()
    # Neither stored nor served from a cache: the second request read the database again.
    assert "X-Cache" not in first and "X-Cache" not in again
    assert len(queries) > 0


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_search_and_glossary_answer_when_redis_is_down(client, pages, redis_down, language):
    addresses = [
        pages["home"][language].url,
        pages["glossary"][language].url,
        f"/{language}/search/?q=facture",
    ]

    assert [client.get(address).status_code for address in addresses] == [200, 200, 200]


@pytest.mark.django_db
def test_a_page_answers_when_redis_accepts_connections_but_never_replies(
    client, pages, redis_silent
):
    guide = pages["guide"]["fr"]

    response = client.get(guide.url)

    assert response.status_code == 200
    assert guide.title in response.content.decode()


@pytest.mark.django_db
def test_an_editor_can_publish_while_redis_is_down(
    admin_client, pages, redis_down, django_capture_on_commit_callbacks
):
    page = Page.objects.get(pk=pages["news"]["fr"].pk)
    revision = page.specific.save_revision()

    # Publishing empties the page cache once committed: with Redis away, that must not fail.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/pages/{page.pk}/edit/",
            {
                "title": page.title,
                "slug": page.slug,
                "intro": "Les nouvelles de la coopérative, publiées pendant une panne du cache.",
                "loaded_revision_id": revision.pk,
                "loaded_revision_created_at": revision.created_at.isoformat(),
                "action-publish": "action-publish",
            },
        )

    assert response.status_code == 302
    published = Page.objects.get(pk=page.pk).specific
    assert published.live and published.intro.endswith("pendant une panne du cache.")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_feedback_vote_is_taken_when_redis_is_down(client, pages, redis_down, language):
    guide = pages["guide"][language]
    data = {
        "token": feedback_token(guide, issued_at=time.time() - 60),
        "helpful": "yes",
        "comment": "",
        "website": "",
    }

    response = client.post(f"/{language}/feedback/{guide.pk}/", data)

    assert response.status_code == 302
    assert PageFeedback.objects.filter(page=guide, language=language, helpful=True).count() == 1
