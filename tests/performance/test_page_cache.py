"""The page cache serves public pages again, never to editors, and forgets them on every change.

Each change is made as the admin or wagtail-localize makes it (publish, unpublish, move, delete,
snippet save) and committed, so the invalidation runs as it does in production. The pages are
those of the realistic site of tests/performance/conftest.py, with menus, footers and translations.
"""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import ResolverMatch

from navigation.models import SiteFooter, SiteNavigation
from portal import page_cache

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    # Pages cached by an earlier test showed content since rolled back.
    page_cache.next_generation()
    yield
    # And so will this test's pages, menus and footers, for the tests that follow.
    page_cache.next_generation()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a block leaves for after the commit, as the end of a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(client, page_or_url):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return client.get(url)


def warm(client, *pages):
    for page in pages:
        assert get(client, page)["X-Cache"] == "MISS"
        assert get(client, page)["X-Cache"] == "HIT"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cached_page_is_served_without_any_query(client, site, page_cache_on, language):
    guide = site.guide[language]
    first = get(client, guide)

    with CaptureQueriesContext(connection) as queries:
        again = get(client, guide)

    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert len(queries) == 0


@pytest.mark.django_db
def test_logged_in_editors_never_get_or_fill_the_cache(admin_client, site, page_cache_on):
    home = site.home["fr"]

    assert "X-Cache" not in get(admin_client, home)
    assert "X-Cache" not in get(admin_client, home)
    assert get(Client(), home)["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_search_results_and_not_found_pages_are_not_cached(client, site, page_cache_on):
    assert "X-Cache" not in get(client, "/fr/search/?q=facture")
    assert "X-Cache" not in get(client, "/fr/no-such-page/")


def served_page_request(**headers):
    request = RequestFactory().get("/fr/a-page/", **headers)
    request.resolver_match = ResolverMatch(lambda r: None, (), {}, url_name="wagtail_serve")
    return request


@pytest.mark.django_db
def test_responses_that_set_a_cookie_or_hold_a_csrf_token_are_not_cached(page_cache_on):
    def sets_a_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("flavour", "chocolate")
        return response

    def holds_a_csrf_token(request):
        return HttpResponse(f"<input value='{get_token(request)}'>")

    for view in (sets_a_cookie, holds_a_csrf_token):
        middleware = page_cache.PageCacheMiddleware(view)
        responses = [middleware(served_page_request()) for _ in range(2)]
        assert ["X-Cache" in response for response in responses] == [False, False]


@pytest.mark.django_db
def test_a_request_with_a_session_cookie_bypasses_the_cache(page_cache_on):
    middleware = page_cache.PageCacheMiddleware(lambda request: HttpResponse("page"))
    assert middleware(served_page_request())["X-Cache"] == "MISS"
    assert middleware(served_page_request())["X-Cache"] == "HIT"

    with_session = served_page_request(HTTP_COOKIE="sessionid=abc")
    assert "X-Cache" not in middleware(with_session)


@pytest.mark.django_db
def test_publishing_a_page_shows_the_change_in_its_language_at_once(
    client, site, page_cache_on, committed
):
    guide = site.guide["fr"]
    path = guide.get_parent()
    warm(client, guide, path)

    with committed():
        guide.title = "Vos frais, pas à pas"
        guide.save_revision().publish()

    assert "Vos frais, pas à pas" in get(client, guide).content.decode()
    assert "Vos frais, pas à pas" in get(client, path).content.decode()


@pytest.mark.django_db
def test_publishing_a_translation_shows_it_in_that_language(client, site, page_cache_on, committed):
    dutch = site.guide["nl"]
    warm(client, dutch)

    with committed():
        dutch.title = "Onkosten, stap voor stap"
        dutch.save_revision().publish()

    assert "Onkosten, stap voor stap" in get(client, dutch).content.decode()


@pytest.mark.django_db
def test_hiding_a_section_from_the_menu_updates_every_page_of_that_language(
    client, site, page_cache_on, committed
):
    # Sections are listed in the menu when editors made no main menu and footer for a language.
    with committed():
        SiteNavigation.objects.filter(locale__language_code="en").delete()
        SiteFooter.objects.filter(locale__language_code="en").delete()
    mission = site.mission["en"]
    pages = [site.home["en"], site.guide["en"]]
    warm(client, *pages)
    menu_link = f'href="{mission.url}"'
    assert all(menu_link in get(client, page).content.decode() for page in pages[1:])

    with committed():
        mission.show_in_menus = False
        mission.save_revision().publish()

    assert menu_link not in get(client, pages[1]).content.decode()


@pytest.mark.django_db
def test_unpublishing_a_guide_removes_it_at_once(client, site, page_cache_on, committed):
    guide = site.guide["fr"]
    path = guide.get_parent()
    warm(client, guide, path)

    with committed():
        guide.unpublish()

    assert get(client, guide.url).status_code == 404
    assert f'href="{guide.url}"' not in get(client, path).content.decode()


@pytest.mark.django_db
def test_moving_a_guide_sends_its_old_address_to_the_new_one(
    client, site, page_cache_on, committed
):
    guide = site.guide["fr"]
    old_url, old_path = guide.url, guide.get_parent()
    new_path = site.paths["expert"]["fr"]
    warm(client, old_url, old_path, new_path)

    with committed():
        guide.move(new_path, pos="last-child")

    guide.refresh_from_db()
    assert guide.url != old_url
    # Wagtail leaves a redirect behind, which the cached old page must not hide.
    assert get(client, old_url)["Location"] == guide.url
    assert f'href="{guide.url}"' in get(client, new_path).content.decode()
    assert f'href="{old_url}"' not in get(client, old_path).content.decode()


@pytest.mark.django_db
def test_deleting_a_guide_removes_it_from_its_path(client, site, page_cache_on, committed):
    guide = site.guide["fr"]
    url, path = guide.url, guide.get_parent()
    warm(client, url, path)

    with committed():
        guide.delete()

    assert get(client, url).status_code == 404
    assert f'href="{url}"' not in get(client, path).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_changing_a_glossary_term_updates_glossary_and_guides(
    client, site, page_cache_on, committed, language
):
    glossary, guide = site.glossary[language], site.guide[language]
    warm(client, glossary, guide)
    term = site.terms["Note de frais"][language]

    with committed():
        term.definition = "A definition rewritten for this test."
        term.save()

    assert "A definition rewritten for this test." in get(client, glossary).content.decode()
    # The guide links the term with its definition as the link's title.
    assert ">A definition rewritten for this test.</span>" in get(client, guide).content.decode()


@pytest.mark.django_db
def test_renaming_a_news_tag_updates_the_news_listing(client, site, page_cache_on, committed):
    news_index = site.news_index["nl"]
    warm(client, news_index)
    tag = site.tags[0]["nl"]
    assert tag.name in get(client, news_index).content.decode()

    with committed():
        tag.name = "Hernoemd thema"
        tag.save()

    assert "Hernoemd thema" in get(client, news_index).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_changing_the_main_menu_of_a_language_updates_its_pages_at_once(
    client, site, page_cache_on, committed, language
):
    guide = site.guide[language]
    warm(client, guide)
    menu = SiteNavigation.objects.get(locale=guide.locale)

    with committed():
        menu.links[0].value["label"] = "Renamed for this test"
        menu.save()

    assert "Renamed for this test" in get(client, guide).content.decode()


@pytest.mark.django_db
def test_changing_the_french_footer_drops_the_cached_pages_of_every_language(
    client, site, page_cache_on, committed
):
    homes = [site.home[language] for language in LANGUAGES]
    warm(client, *homes)
    footer = SiteFooter.objects.get(locale=homes[0].locale)

    with committed():
        footer.about = "Une coopérative, réécrite pour ce test."
        footer.save()

    assert [get(client, home)["X-Cache"] for home in homes] == ["MISS", "MISS", "MISS"]
    assert "réécrite pour ce test" in get(client, homes[0]).content.decode()
