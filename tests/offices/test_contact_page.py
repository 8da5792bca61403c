"""The contact page answers "whom do I call for what, and is it open now?" in every language.

The module builds, once, a contact page with three services and three offices (Brussels open all
afternoon, Antwerp and Liège closing earlier), in French and translated into Dutch and English
through wagtail-localize, as editors and translators make them.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from offices.models import OfficeService, Service
from portal import page_cache
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.guides.test_three_clicks import MAX_CLICKS, crawl
from tests.home.factories import build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.offices.factories import (
    ContactPageFactory,
    OfficePageFactory,
    ServiceFactory,
    opening_hours,
)
from tests.translations.factories import translate

BRUSSELS = ZoneInfo("Europe/Brussels")
LANGUAGES = ["fr", "nl", "en"]
OFFICES = ["brussels", "antwerp", "liege"]
STATUS = {
    "fr": {True: "Ouvert maintenant", False: "Fermé maintenant"},
    "nl": {True: "Nu open", False: "Nu gesloten"},
    "en": {True: "Open now", False: "Closed now"},
}

# Each service in French, then its Dutch and English text; the offices that handle it.
SERVICES = {
    "members-desk": {
        "fr": (
            "Accueil des membres",
            "Vous inscrire, prendre votre premier rendez-vous.",
            "Par téléphone pendant les heures de bureau.",
        ),
        "nl": (
            "Ledenonthaal",
            "U inschrijven, uw eerste afspraak maken.",
            "Telefonisch tijdens de kantooruren.",
        ),
        "en": (
            "Members' desk",
            "Signing up, booking your first appointment.",
            "By phone during office hours.",
        ),
        "phone": "+32 2 000 10 00",
        "email": "members@example.org",
    },
    "billing": {
        "fr": (
            "Facturation",
            "Vos factures et les rappels aux clients qui tardent à payer.",
            "Par e-mail, avec le numéro de la facture.",
        ),
        "nl": (
            "Facturatie",
            "Uw facturen en herinneringen aan klanten die laat betalen.",
            "Per e-mail, met het factuurnummer.",
        ),
        "en": (
            "Invoicing",
            "Your invoices and reminders to clients who pay late.",
            "By e-mail, with the invoice number.",
        ),
        "phone": "+32 2 000 10 20",
        "email": "billing@example.org",
    },
    "cooperative-life": {
        "fr": (
            "Vie coopérative",
            "Devenir sociétaire, l'assemblée générale.",
            "Par e-mail, ou lors d'une séance d'accueil.",
        ),
        "nl": (
            "Coöperatief leven",
            "Vennoot worden, de algemene vergadering.",
            "Per e-mail, of tijdens een onthaalsessie.",
        ),
        "en": (
            "Cooperative life",
            "Becoming a shareholder, the general assembly.",
            "By e-mail, or at a welcome session.",
        ),
        "phone": "+32 2 000 10 50",
        "email": "cooperative@example.org",
    },
}


def mornings(weekdays, opens="09:00"):
    return [opening_hours(weekday, opens, "12:30") for weekday in weekdays]


def afternoons(weekdays, closes):
    return [opening_hours(weekday, "13:30", closes) for weekday in weekdays]


# Brussels is open every weekday afternoon until 17:00; Antwerp and Liège close at 16:30, and
# on Wednesdays they open in the morning only.
OFFICE_PAGES = {
    "brussels": {
        "titles": {"fr": "Smart Bruxelles", "nl": "Smart Brussel", "en": "Smart Brussels"},
        "street_address": "Rue des Coopérateurs 70",
        "phone": "+32 2 000 12 34",
        "email": "brussels@example.org",
        "hours": mornings(range(5)) + afternoons(range(5), "17:00"),
        "services": ["members-desk", "billing", "cooperative-life"],
    },
    "antwerp": {
        "titles": {"fr": "Smart Anvers", "nl": "Smart Antwerpen", "en": "Smart Antwerp"},
        "street_address": "Ateliersstraat 5",
        "phone": "+32 3 000 45 67",
        "email": "antwerp@example.org",
        "hours": mornings(range(5)) + afternoons([0, 1, 3], "16:30"),
        "services": ["members-desk", "billing"],
    },
    "liege": {
        "titles": {"fr": "Smart Liège", "nl": "Smart Luik", "en": "Smart Liège"},
        "street_address": "Quai des Artisans 8",
        "phone": "+32 4 000 78 90",
        "email": "liege@example.org",
        "hours": mornings(range(4), opens="09:30") + afternoons([0, 1, 3], "16:30"),
        "services": ["members-desk", "cooperative-life"],
    },
}


def translated_text(french, translated):
    return dict(zip(french, translated, strict=True))


@pytest.fixture(scope="module")
def contacts(shared_data):
    """The contact page, its services and its offices, in every language."""
    with shared_data():
        tree = build_site_tree()
        services = {}
        for position, (key, text) in enumerate(SERVICES.items(), start=1):
            name, handles, how_to_reach = text["fr"]
            service = ServiceFactory(
                name=name,
                handles=handles,
                how_to_reach=how_to_reach,
                phone=text["phone"],
                email=text["email"],
                sort_order=position,
            )
            # Services before the offices that point at them, as translators must.
            for language in ["nl", "en"]:
                translate(service, language, translated_text(text["fr"], text[language]))
            services[key] = service
        contact = ContactPageFactory(parent=tree.home["fr"])
        offices = {}
        for key, text in OFFICE_PAGES.items():
            offices[key] = OfficePageFactory(
                parent=contact,
                title=text["titles"]["fr"],
                street_address=text["street_address"],
                phone=text["phone"],
                email=text["email"],
                hours=text["hours"],
                services=[OfficeService(service=services[name]) for name in text["services"]],
            )
        pages = {"fr": {"contact": contact, **offices}}
        for language in ["nl", "en"]:
            pages[language] = {"contact": translate(contact, language)}
            for key, office in offices.items():
                titles = OFFICE_PAGES[key]["titles"]
                street_address = OFFICE_PAGES[key]["street_address"]
                pages[language][key] = translate(
                    office,
                    language,
                    {titles["fr"]: titles[language], street_address: street_address},
                )
        yield {"tree": tree, "pages": pages}


@pytest.fixture
def page(contacts, db):
    """A page of the contact tree in a language, read afresh: `page("nl", "antwerp")`."""

    def page_in(language, key="contact"):
        built = contacts["pages"][language][key]
        return type(built).objects.get(pk=built.pk)

    return page_in


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
