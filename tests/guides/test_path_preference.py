"""A member says once which path fits them: remembered in a cookie, shown first on the home page,
changed or forgotten in one click, and still served from the page cache.

The module builds, once, the home page of each language with its three paths, made in French and
translated into Dutch and English through wagtail-localize.
"""

import pytest
from bs4 import BeautifulSoup

from guides.models import Level
from guides.path_preference import COOKIE_NAME
from home.models import HomePage
from portal import page_cache
from tests.guides.factories import PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="module")
def homes(shared_data):
    """The home page of each language, with the three paths under it."""
    with shared_data():
        tree = build_site_tree()
        # Made out of their usual order: the home page lists them by level, not by position.
        for level in [Level.EXPERT, Level.FACILE, Level.BASIC]:
            path = PathPageFactory(parent=tree.home["fr"], level=level)
            for language in ["nl", "en"]:
                translate(path, language)
        yield tree.home


@pytest.fixture
def home_page(homes, db):
    """The home page of a language, read afresh."""

    def home_in(language):
        return HomePage.objects.get(pk=homes[language].pk)

    return home_in


def path_levels(client, home):
    html = BeautifulSoup(client.get(home.url).content, "html.parser")
    cards = html.select(".path-card")
    return [card["class"][1].removeprefix("path-card--") for card in cards], html


def choose(client, level, next_url, **headers):
    return client.post("/fr/my-path/", {"level": level, "next": next_url}, headers=headers)


@pytest.mark.parametrize("language", LANGUAGES)
def test_choosing_a_path_puts_it_first_on_the_home_page_and_says_so(client, home_page, language):
    home = home_page(language)
    assert path_levels(client, home)[0] == ["facile", "basic", "expert"]

    response = choose(client, "expert", home.url)

    assert response.status_code == 302
    assert response["Location"] == home.url
    levels, html = path_levels(client, home)
    assert levels == ["expert", "facile", "basic"]
    assert html.select(".path-card")[0].select_one(".path-card__mine") is not None
    assert html.select_one(".path-choice [aria-pressed=true]")["value"] == "expert"


@pytest.mark.django_db
def test_the_cookie_holds_only_the_path_for_a_year_and_is_first_party(client):
    response = choose(client, "basic", "/fr/")

    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "basic"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["domain"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_forgetting_the_choice_takes_one_click_and_deletes_the_cookie(client, home_page, language):
    home = home_page(language)
    choose(client, "basic", home.url)
    _levels, html = path_levels(client, home)
    forget = html.select_one(".path-choice button[value='']")
    assert forget is not None

    response = choose(client, "", home.url)

    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert path_levels(client, home)[0] == ["facile", "basic", "expert"]


def test_the_home_page_explains_the_cookie(client, home_page):
    html = BeautifulSoup(client.get(home_page("nl").url).content, "html.parser")

    note = html.select_one(".path-choice__note").get_text()
    assert "cookie" in note
    assert "een jaar" in note


@pytest.mark.django_db
def test_a_form_from_another_site_is_refused(client):
    assert choose(client, "expert", "/fr/", Origin="https://elsewhere.example").status_code == 403
    assert choose(client, "expert", "/fr/", **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert COOKIE_NAME not in client.cookies


@pytest.mark.django_db
def test_the_choice_never_redirects_to_another_site(client):
    response = choose(client, "expert", "https://elsewhere.example/")

    assert response["Location"] == "/"


def test_an_unknown_value_in_the_cookie_is_ignored(client, home_page):
    client.cookies[COOKIE_NAME] = "<script>"

    levels, _html = path_levels(client, home_page("en"))

    assert levels == ["facile", "basic", "expert"]


def test_the_page_cache_keeps_one_home_page_per_choice(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page_cache.next_generation()
    home = home_page("fr")

    assert client.get(home.url)["X-Cache"] == "MISS"
    assert client.get(home.url)["X-Cache"] == "HIT"
    choose(client, "expert", home.url)
    first = client.get(home.url)
    again = client.get(home.url)
    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    assert path_levels(client, home)[0][0] == "expert"
    # Any other value shares the copy of members without a choice.
    client.cookies[COOKIE_NAME] = "nonsense"
    assert client.get(home.url)["X-Cache"] == "HIT"
    assert path_levels(client, home)[0][0] == "facile"
