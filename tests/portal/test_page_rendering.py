"""Every page type renders in French, Dutch and English, with the right language markup."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from tests.pages import LANGUAGES, demo_page

PAGES = [
    ("page", "home"),
    ("path", "facile"),
    ("path", "expert"),
    ("topic", "creative-work"),
    ("guide", "expense-claims"),
    ("mission", "mission"),
    ("glossary", "glossary"),
    ("faq", "faq"),
    ("news-index", "news"),
    ("news", "new-portal"),
]


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "key"), PAGES)
def test_every_page_type_renders_in_its_language(client, kind, key, language):
    page = demo_page(kind, key, language)
    html = render(client, page)

    assert html.html["lang"] == language
    assert page.url.startswith(f"/{language}/")
    headings = html.find_all("h1")
    assert len(headings) == 1
    assert html.find("main", id="main") is not None
    assert html.find("a", class_="skip-link")["href"] == "#main"
    if kind != "page":
        assert html.find("nav", class_="breadcrumbs") is not None


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_strings_are_in_the_page_language(client, language):
    with translation.override(language):
        expected = {"skip": gettext("Skip to main content"), "search": gettext("Search")}
    html = render(client, demo_page("page", "home", language))

    assert (
        html.find("button", class_="search-form__button").get_text(strip=True) == expected["search"]
    )
    assert html.find("a", class_="skip-link").get_text(strip=True) == expected["skip"]
    if language != "en":
        assert expected["skip"] != "Skip to main content"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_shows_numbered_steps_and_review_date(client, language):
    guide = demo_page("guide", "sign-up", language)
    html = render(client, guide)

    steps = html.select("ol.steps > li.step")
    assert len(steps) == len(guide.steps)
    with translation.override(language):
        step_one = gettext("Step %(number)s") % {"number": 1}
    assert steps[0].find("h3").get_text(" ", strip=True).startswith(step_one)
    reviewed = html.find("p", class_="guide__reviewed").find("time")
    assert reviewed["datetime"] == guide.last_reviewed.isoformat()
    assert html.find("p", class_="level-badge").get_text(strip=True) == "Smart Facile"


@pytest.mark.django_db
def test_dates_are_written_in_the_page_language(client):
    months = {}
    for language in LANGUAGES:
        item = demo_page("news", "new-portal", language)
        html = render(client, item)
        months[language] = html.find("p", class_="meta").find("time").get_text(strip=True)
    assert re.search("novembre", months["fr"])
    assert re.search("november", months["nl"])
    assert re.search("November", months["en"])
