"""The contact page answers "whom do I call for what, and is it open now?" in every language.

The module uses the contact tree of `tests/offices/contact_tree.py`: a contact page with three
services and three offices, in French and translated into Dutch and English through
wagtail-localize.
"""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup

from offices.models import Service
from portal import page_cache
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.guides.test_three_clicks import MAX_CLICKS, crawl
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.offices.contact_tree import BRUSSELS, LANGUAGES, OFFICE_PAGES, OFFICES, SERVICES
from tests.translations.factories import translate

STATUS = {
    "fr": {True: "Ouvert maintenant", False: "Fermé maintenant"},
    "nl": {True: "Nu open", False: "Nu gesloten"},
    "en": {True: "Open now", False: "Closed now"},
}


def get_soup(client, url, instant=None):
    if instant is None:
        response = client.get(url)
    else:
        with time_machine.travel(instant, tick=False):
            response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def office_statuses(soup):
    return {
        card.select_one(".office-card__title").get_text(strip=True): card.select_one(
            ".office-status__label"
        ).get_text(strip=True)
        for card in soup.select(".office-card")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_service_says_what_it_handles_and_how_to_reach_it(client, page, language):
    soup = get_soup(client, page(language).url)

    services = Service.objects.filter(locale__language_code=language).order_by("sort_order")
    cards = soup.select(".service")
    assert [card.h3.get_text(strip=True) for card in cards] == [s.name for s in services]
    assert [s.name for s in services] == [text[language][0] for text in SERVICES.values()]
    assert len(cards) == len(SERVICES)
    for card, service in zip(cards, services, strict=True):
        assert card["id"] == service.anchor
        assert service.handles in card.get_text()
        assert service.how_to_reach in card.get_text()
        phone = card.select_one("a[href^='tel:']")
        assert phone["href"] == "tel:" + service.phone.replace(" ", "")
        assert phone.get_text(" ", strip=True).endswith(service.phone)
        assert service.name in phone.select_one(".visually-hidden").get_text()
        assert card.select_one("a[href^='mailto:']")["href"] == f"mailto:{service.email}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_service_lists_the_offices_of_the_reader_language_that_handle_it(client, page, language):
    soup = get_soup(client, page(language).url)
    invoicing = Service.objects.get(
        name=SERVICES["billing"][language][0], locale__language_code=language
    )

    card = soup.select_one(f"#{invoicing.anchor}")

    links = card.select(".service__offices a")
    expected = [page(language, key) for key in ["brussels", "antwerp"]]
    assert [(a.get_text(), a["href"]) for a in links] == [(o.title, o.url) for o in expected]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_office_says_whether_it_is_open_right_now(client, page, language):
    # Wednesday 14:00: Brussels is open all afternoon, Antwerp and Liège only in the morning.
    soup = get_soup(
        client, page(language).url, datetime.datetime(2026, 11, 25, 14, 0, tzinfo=BRUSSELS)
    )

    titles = [OFFICE_PAGES[key]["titles"][language] for key in OFFICES]
    assert office_statuses(soup) == {
        titles[0]: STATUS[language][True],
        titles[1]: STATUS[language][False],
        titles[2]: STATUS[language][False],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_office_card_gives_its_address_and_links_to_call_or_write(client, page, language):
    soup = get_soup(client, page(language).url)

    cards = soup.select(".office-card")
    assert len(cards) == 3
    for card, key in zip(cards, OFFICES, strict=True):
        office = page(language, key)
        assert office.street_address == OFFICE_PAGES[key]["street_address"]
        assert office.street_address in card.address.get_text()
        assert card.select_one("a[href^='tel:']")["href"] == office.phone_link
        assert card.select_one("a[href^='mailto:']")["href"] == f"mailto:{office.email}"
        assert card.select_one(".more-link")["href"] == office.url


def test_the_contact_page_is_cached_only_until_the_first_office_opens_or_closes(
    client, page, settings
):
    settings.PAGE_CACHE_SECONDS = 3600
    page_cache.next_generation()
    url = page("nl").url

    # Tuesday: Antwerp and Liège close at 16:30, Brussels at 17:00.
    def at(minute, second=0):
        with time_machine.travel(
            datetime.datetime(2026, 11, 24, 16, minute, second, tzinfo=BRUSSELS), tick=False
        ):
            return client.get(url)

    first, again, later = at(20), at(29, 59), at(30, 1)

    assert (first["X-Cache"], again["X-Cache"], later["X-Cache"]) == ("MISS", "HIT", "MISS")
    statuses = office_statuses(BeautifulSoup(later.content, "html.parser"))
    assert statuses == {
        "Smart Brussel": "Nu open",
        "Smart Antwerpen": "Nu gesloten",
        "Smart Luik": "Nu gesloten",
    }


@pytest.fixture(scope="module")
def guide_with_site_menus(contacts, shared_data):
    """A guide under a path, and the main menu and footer every page shows, in each language.

    As on the real site, the main menu links to the paths and the footer to the contact page.
    """
    with shared_data():
        home = contacts["tree"].home["fr"]
        contact = contacts["pages"]["fr"]["contact"]
        path = PathPageFactory(parent=home)
        guide = GuidePageFactory(parent=path, title="Conventions de droits d'auteur")
        menu = SiteNavigationFactory(links=[menu_link(path, "Smart Basic")])
        footer = SiteFooterFactory(
            link_groups=[footer_group("Sur ce portail", [(contact, "Nous contacter")])]
        )
        guides = {"fr": guide}
        for language in ["nl", "en"]:
            translate(path, language)
            guides[language] = translate(guide, language)
            translate(menu, language)
            translate(footer, language)
        yield guides


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_page_and_every_office_are_within_three_clicks_of_any_guide(
    client, page, guide_with_site_menus, language
):
    guide = guide_with_site_menus[language]

    clicks = crawl(client, guide.url, MAX_CLICKS)

    assert clicks[page(language).url] <= MAX_CLICKS
    for key in OFFICES:
        assert clicks[page(language, key).url] <= MAX_CLICKS
