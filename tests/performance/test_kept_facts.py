"""What each process keeps until content changes (portal.content_memo) follows every change.

The site answering a request, the FAQ page of each language and the level of each path are kept
in memory rather than queried on every page. Each change here is committed, so the content
generation moves on as it does in production. The pages are those of the realistic site of
tests/performance/conftest.py: a guide linking FAQ questions, under a path, in every language.
"""

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from wagtail.models import Site

from portal import content_memo
from portal.sites import site_for_request

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a block leaves for after the commit, as the end of a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page_html(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def question_link_targets(client, guide):
    links = page_html(client, guide.url).select(".guide-questions a")
    assert links
    return {link["href"].split("#")[0] for link in links}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guides_link_their_questions_to_the_faq_page_at_its_new_address(
    client, site, committed, language
):
    guide = site.guide[language]
    faq = site.faq[language]
    assert question_link_targets(client, guide) == {faq.url}

    with committed():
        faq.slug = f"{faq.slug}-moved"
        faq.save_revision().publish()

    faq.refresh_from_db()
    assert faq.url.rstrip("/").endswith("-moved")
    assert question_link_targets(client, guide) == {faq.url}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_shows_the_level_its_path_has_now(client, site, committed, language):
    guide = site.guide[language]
    path = guide.get_parent().specific
    link = page_html(client, guide.url).select_one(".guide__path .path-link")
    assert "path-link--basic" in link["class"]

    with committed():
        path.level = "expert"
        path.save_revision().publish()

    link = page_html(client, guide.url).select_one(".guide__path .path-link")
    assert "path-link--expert" in link["class"]


@pytest.mark.django_db
def test_the_site_answering_a_request_follows_changes_to_the_sites(
    client, site, committed, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    guide_url = site.guide["fr"].url
    # Any host name falls back on the default site.
    assert client.get(guide_url, HTTP_HOST="elsewhere.example").status_code == 200

    site = Site.objects.get(is_default_site=True)
    with committed():
        site.is_default_site = False
        site.hostname = "members.example"
        site.save()

    assert client.get(guide_url, HTTP_HOST="elsewhere.example").status_code == 404
    assert client.get(guide_url, HTTP_HOST="members.example").status_code == 200


@pytest.mark.django_db
def test_made_up_host_names_share_one_kept_answer(client, site, settings):
    settings.ALLOWED_HOSTS = ["*"]
    home_url = site.home["fr"].url
    for number in range(30):
        assert client.get(home_url, HTTP_HOST=f"made-up-{number}.example").status_code == 200

    # The Host header is the client's to choose: it must not grow what a process keeps.
    kept_sites = [name for name, _generation in content_memo._kept if name[0] == "site"]
    assert len(kept_sites) == 1


@pytest.mark.django_db
def test_each_request_gets_its_own_copy_of_the_kept_site(rf, site):
    first = site_for_request(rf.get("/fr/"))
    first.root_page.title = "Changed while serving one request"

    second = site_for_request(rf.get("/fr/"))

    assert second.pk == first.pk
    assert second.root_page.title != "Changed while serving one request"


@pytest.mark.django_db
def test_with_content_memo_off_every_request_reads_the_content_afresh(client, site, settings):
    settings.CONTENT_MEMO = False
    guide = site.guide["fr"]
    faq = site.faq["fr"]
    assert question_link_targets(client, guide) == {faq.url}

    # Not committed: nothing tells other processes, so only a process that keeps nothing sees it.
    faq.slug = f"{faq.slug}-moved"
    faq.save_revision().publish()

    faq.refresh_from_db()
    assert question_link_targets(client, guide) == {faq.url}


@pytest.mark.parametrize(
    ("redis_url", "kept"), [("", "False"), ("redis://127.0.0.1:6379/0", "True")]
)
def test_production_keeps_facts_about_content_only_with_a_shared_cache(redis_url, kept):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "test-only-" + "x" * 50,
        "ALLOWED_HOSTS": "portal.example.org",
        "REDIS_URL": redis_url,
    }
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CONTENT_MEMO)",
        ],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    # Without Redis each gunicorn worker has its own memory, which no other worker can clear.
    assert printed == kept
