"""Every page type renders in French, Dutch and English, with the right language markup.

The module builds one page of each type under the home page of each language, in French, and
translates each into Dutch and English through wagtail-localize.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from guides.models import Level
from tests.glossary.factories import GlossaryPageFactory
from tests.guides.factories import (
    FAQPageFactory,
    GuidePageFactory,
    PathPageFactory,
    TopicPageFactory,
    step,
)
from tests.home.factories import MissionPageFactory, build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
PAGES = [
    "home",
    "facile path",
    "expert path",
    "topic",
    "guide",
    "mission",
    "glossary",
    "faq",
    "news index",
    "news item",
]


@pytest.fixture(scope="module")
def pages(shared_data):
    """{page name: {language: page}} for one page of each type."""
    with shared_data():
        homes = build_site_tree().home
        home = homes["fr"]
        facile = PathPageFactory(parent=home, level=Level.FACILE)
        expert = PathPageFactory(parent=home, level=Level.EXPERT)
        news_index = NewsIndexPageFactory(parent=home)
        french = {
            "facile path": facile,
            "expert path": expert,
            "topic": TopicPageFactory(parent=expert, title="Votre travail créatif"),
            "guide": GuidePageFactory(
                parent=facile,
                title="S'inscrire chez Smart",
                last_reviewed=datetime.date(2025, 9, 15),
                steps=[
                    step(
                        "Créez votre compte",
                        "<p>Allez sur le site et remplissez le formulaire.</p>",
                    ),
                    step("Signez votre contrat", "<p>Vous le recevez par courriel.</p>"),
                    step("Rencontrez votre conseiller", "<p>Il vous appelle dans la semaine.</p>"),
                ],
            ),
            "mission": MissionPageFactory(parent=home),
            "glossary": GlossaryPageFactory(parent=home),
            "faq": FAQPageFactory(parent=home),
            "news index": news_index,
            "news item": NewsPageFactory(
                parent=news_index,
                title="Un nouveau portail pour les membres",
                date=datetime.date(2025, 11, 14),
            ),
        }
        built = {"home": homes}
        for name, page in french.items():
            built[name] = {"fr": page}
            for language in ["nl", "en"]:
                built[name][language] = translate(page, language)
        yield built


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_renders_in_its_language(client, pages, name, language):
    page = pages[name][language]
    html = render(client, page)

    assert html.html["lang"] == language
    assert page.url.startswith(f"/{language}/")
    headings = html.find_all("h1")
    assert len(headings) == 1
    assert html.find("main", id="main") is not None
    assert html.find("a", class_="skip-link")["href"] == "#main"
    if name != "home":
        assert html.find("nav", class_="breadcrumbs") is not None


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_strings_are_in_the_page_language(client, pages, language):
    with translation.override(language):
        expected = {"skip": gettext("Skip to main content"), "search": gettext("Search")}
    html = render(client, pages["home"][language])

    assert (
        html.find("button", class_="search-form__button").get_text(strip=True) == expected["search"]
    )
    assert html.find("a", class_="skip-link").get_text(strip=True) == expected["skip"]
    if language != "en":
        assert expected["skip"] != "Skip to main content"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_shows_numbered_steps_and_review_date(client, pages, language):
    guide = pages["guide"][language]
    html = render(client, guide)

    steps = html.select("ol.steps > li.step")
    assert len(steps) == len(guide.steps) == 3
    with translation.override(language):
        step_one = gettext("Step %(number)s") % {"number": 1}
    assert steps[0].find("h3").get_text(" ", strip=True).startswith(step_one)
    reviewed = html.find("p", class_="guide__reviewed").find("time")
    assert reviewed["datetime"] == guide.last_reviewed.isoformat() == "2025-09-15"
    # The guide names its path with a link to it, not a badge that looks clickable and isn't.
    path_link = html.select_one(".guide__path a.path-link")
    assert path_link.get_text(strip=True) == guide.get_parent().title
    assert path_link["href"] == guide.get_parent().url


@pytest.mark.django_db
def test_dates_are_written_in_the_page_language(client, pages):
    months = {}
    for language in LANGUAGES:
        html = render(client, pages["news item"][language])
        months[language] = html.find("p", class_="meta").find("time").get_text(strip=True)
    assert re.search("novembre", months["fr"])
    assert re.search("november", months["nl"])
    assert re.search("November", months["en"])
