"""Office pages: open or closed at a given instant in Brussels time (lunch breaks, weekends,
closures, the clock changes), contacts as tel:/mailto: links, schema.org LocalBusiness data, and
the page cache that keeps "open now" only until the next opening or closing.

Every test reads one office, Smart Brussels, built once for the module in French and translated
into Dutch and English through wagtail-localize: its hours, closures and contacts are below.
"""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from offices.models import ContactPage, OfficePage, WelcomeBookletPage
from portal import page_cache
from tests.home.factories import build_site_tree
from tests.offices.factories import (
    ContactPageFactory,
    OfficePageFactory,
    WelcomeBookletPageFactory,
    closure,
    opening_hours,
)
from tests.translations.factories import translate

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = datetime.UTC
LANGUAGES = ["fr", "nl", "en"]

# Monday to Friday 9:00 to 12:30, then 13:30 to 17:00; Thursday until 19:00, Friday until 16:00.
BRUSSELS_HOURS = [
    *(opening_hours(weekday, "09:00", "12:30") for weekday in range(5)),
    *(opening_hours(weekday, "13:30", "17:00") for weekday in range(3)),
    opening_hours(3, "13:30", "19:00"),
    opening_hours(4, "13:30", "16:00"),
]
BRUSSELS_TEXT = {
    "nl": {
        "Smart Bruxelles": "Smart Brussel",
        "Rue des Coopérateurs 70": "Coöperantenstraat 70",
        "Saint-Gilles (Bruxelles)": "Sint-Gillis (Brussel)",
        "Vacances de fin d'année": "Eindejaarsvakantie",
        "Journée de formation de l'équipe": "Opleidingsdag van het team",
    },
    "en": {
        "Smart Bruxelles": "Smart Brussels",
        "Rue des Coopérateurs 70": "Rue des Coopérateurs 70",
        "Saint-Gilles (Bruxelles)": "Saint-Gilles (Brussels)",
        "Vacances de fin d'année": "End-of-year holidays",
        "Journée de formation de l'équipe": "Team training day",
    },
}


@pytest.fixture(scope="module")
def offices(shared_data):
    """The contact page, the Brussels office in three languages, and the office's booklet."""
    with shared_data():
        tree = build_site_tree()
        contact = ContactPageFactory(parent=tree.home["fr"])
        brussels = OfficePageFactory(
            parent=contact,
            title="Smart Bruxelles",
            slug="bruxelles",
            street_address="Rue des Coopérateurs 70",
            postal_code="1060",
            locality="Saint-Gilles (Bruxelles)",
            phone="+32 2 000 12 34",
            email="brussels@example.org",
            hours=BRUSSELS_HOURS,
            closures=[
                closure("2026-12-24", "2027-01-01", "Vacances de fin d'année"),
                closure("2027-01-15", "2027-01-15", "Journée de formation de l'équipe"),
            ],
        )
        booklet = WelcomeBookletPageFactory(parent=brussels)
        office_pages = {"fr": brussels}
        for language in ["nl", "en"]:
            translate(contact, language)
            office_pages[language] = translate(brussels, language, BRUSSELS_TEXT[language])
        yield {"contact": contact, "office": office_pages, "booklet": booklet}


@pytest.fixture
def office(offices, db):
    """The Brussels office in a language, read afresh: what an earlier test changed is undone."""

    def office_in(language="fr"):
        return OfficePage.objects.get(pk=offices["office"][language].pk)

    return office_in


def brussels(*args):
    return datetime.datetime(*args, tzinfo=BRUSSELS)


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def soup_at(client, url, instant):
    with time_machine.travel(instant, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def status_text(soup):
    return " ".join(soup.select_one(".office-status").get_text(" ", strip=True).split())


# --- Open or closed, computed in the office's time zone ---------------------------------------
def test_the_brussels_office_is_open_on_a_tuesday_morning_until_its_lunch_break(office):
    state = office().opening_state(brussels(2026, 11, 24, 10, 0))

    assert state.is_open
    assert state.closes_at == brussels(2026, 11, 24, 12, 30)
    assert state.changes_at == brussels(2026, 11, 24, 12, 30)


def test_over_lunch_the_office_is_closed_and_reopens_the_same_afternoon(office):
    state = office().opening_state(brussels(2026, 11, 24, 12, 45))

    assert not state.is_open
    assert state.opens_today
    assert state.opens_at == brussels(2026, 11, 24, 13, 30)


def test_the_office_is_closed_from_the_minute_it_closes(office):
    just_before = office().opening_state(brussels(2026, 11, 24, 16, 59, 59))
    at_closing = office().opening_state(brussels(2026, 11, 24, 17, 0))

    assert just_before.is_open
    assert not at_closing.is_open
    assert at_closing.opens_tomorrow
    assert at_closing.opens_at == brussels(2026, 11, 25, 9, 0)


def test_at_the_weekend_the_office_opens_again_on_monday_morning(office):
    state = office().opening_state(brussels(2026, 11, 28, 11, 0))

    assert not state.is_open
    assert state.opens_at == brussels(2026, 11, 30, 9, 0)
    # The page also says which day is today, so it changes at midnight first.
    assert state.changes_at == brussels(2026, 11, 29, 0, 0)


def test_a_closure_closes_the_office_on_a_weekday_and_gives_its_reason(office):
    state = office().opening_state(brussels(2026, 12, 28, 10, 0))

    assert not state.is_open
    assert state.closure.reason == "Vacances de fin d'année"
    # Closed to 1 January included, then the weekend: open again on Monday 4 January.
    assert state.opens_at == brussels(2027, 1, 4, 9, 0)


def test_opening_hours_follow_brussels_clocks_across_the_spring_change(office):
    # 07:30 UTC is 08:30 in Brussels before the last Sunday of March, 09:30 after it.
    before = office().opening_state(utc(2026, 3, 23, 7, 30))
    after = office().opening_state(utc(2026, 3, 30, 7, 30))
    over_the_change = office().opening_state(utc(2026, 3, 28, 12, 0))

    assert not before.is_open
    assert before.opens_at == utc(2026, 3, 23, 8, 0)
    assert after.is_open
    assert over_the_change.opens_at == utc(2026, 3, 30, 7, 0)


def test_opening_hours_follow_brussels_clocks_across_the_autumn_change(office):
    before = office().opening_state(utc(2026, 10, 19, 7, 30))
    after = office().opening_state(utc(2026, 10, 26, 7, 30))

    assert before.is_open
    assert not after.is_open
    assert after.opens_at == utc(2026, 10, 26, 8, 0)


def test_the_same_instant_is_judged_in_the_office_own_time_zone(office):
    page = office()
    evening_in_brussels = utc(2026, 11, 24, 18, 30)
    assert not page.opening_state(evening_in_brussels).is_open

    page.time_zone = "America/New_York"

    assert page.opening_state(evening_in_brussels).is_open


# --- What members read on the office page -------------------------------------------------------
OPEN_UNTIL = {
    "fr": "Ouvert maintenant jusqu'à 12 h 30",
    "nl": "Nu open tot 12.30",
    "en": "Open now until 12.30pm",
}
OPENS_MONDAY = {
    "fr": "Fermé maintenant Ouvre le lundi 30 novembre à 9 h.",
    "nl": "Nu gesloten Opent op maandag 30 november om 9.00.",
    "en": "Closed now Opens on Monday 30 November at 9am.",
}
CLOSED_FOR = {
    "fr": "Aujourd'hui : Vacances de fin d'année.",
    "nl": "Vandaag: Eindejaarsvakantie.",
    "en": "Today: End-of-year holidays.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_office_page_says_it_is_open_and_until_when(client, language, office):
    soup = soup_at(client, office(language=language).url, brussels(2026, 11, 24, 10, 0))

    assert status_text(soup) == OPEN_UNTIL[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_office_page_says_when_a_closed_office_opens_next(client, language, office):
    soup = soup_at(client, office(language=language).url, brussels(2026, 11, 28, 11, 0))

    assert status_text(soup) == OPENS_MONDAY[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_during_a_closure_the_page_gives_the_reason_in_the_reader_language(
    client, language, office
):
    soup = soup_at(client, office(language=language).url, brussels(2026, 12, 28, 10, 0))

    assert CLOSED_FOR[language] in status_text(soup)


@pytest.mark.parametrize(
    ("language", "today"),
    [("fr", "Jeudi (aujourd'hui)"), ("nl", "Donderdag (vandaag)"), ("en", "Thursday (today)")],
)
def test_the_hours_table_lists_every_weekday_and_marks_today(client, language, today, office):
    # Late opening on Thursdays, until seven in the evening, as each language writes it.
    until = {"fr": "19\u00a0h", "nl": "19.00", "en": "7pm"}[language]
    soup = soup_at(client, office(language=language).url, brussels(2026, 11, 26, 18, 0))

    rows = soup.select(".hours-table tbody tr")
    assert len(rows) == 7
    marked = soup.select_one(".hours-table__today")
    assert " ".join(marked.th.get_text(" ", strip=True).split()) == today
    assert until in marked.td.get_text()
    assert rows[6].td.get_text(strip=True) in {"Fermé", "Gesloten", "Closed"}


@pytest.mark.parametrize(
    ("language", "call", "write"),
    [
        ("fr", "Appeler Smart Bruxelles au", "Écrire à Smart Bruxelles à l'adresse"),
        ("nl", "Bel Smart Brussel op", "Mail Smart Brussel op"),
        ("en", "Call Smart Brussels on", "Write to Smart Brussels at"),
    ],
)
def test_phone_and_email_are_links_whose_names_say_what_they_do(
    client, language, call, write, office
):
    soup = BeautifulSoup(client.get(office(language=language).url).content, "html.parser")

    phone = soup.select_one("main .contact-list a[href^='tel:']")
    email = soup.select_one("main .contact-list a[href^='mailto:']")
    assert phone["href"] == "tel:+3220001234"
    assert " ".join(phone.get_text(" ", strip=True).split()) == f"{call} +32 2 000 12 34"
    assert email["href"] == "mailto:brussels@example.org"
    assert " ".join(email.get_text(" ", strip=True).split()) == f"{write} brussels@example.org"


def local_business(soup):
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return next(block for block in blocks if block["@type"] == "LocalBusiness")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_office_page_describes_the_office_as_a_local_business(client, language, office):
    page = office(language=language)
    soup = soup_at(client, page.url, brussels(2026, 11, 24, 10, 0))

    data = local_business(soup)
    assert data["@context"] == "https://schema.org"
    assert data["name"] == page.title
    assert data["url"].endswith(page.url)
    assert data["telephone"] == "+32 2 000 12 34"
    assert data["email"] == "brussels@example.org"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": page.street_address,
        "postalCode": "1060",
        "addressLocality": page.locality,
        "addressCountry": "BE",
    }
    hours = data["openingHoursSpecification"]
    assert len(hours) == 10
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Thursday",
        "opens": "13:30",
        "closes": "19:00",
    } in hours
    assert not [spec for spec in hours if spec["dayOfWeek"].endswith(("Saturday", "Sunday"))]
    closures = data["specialOpeningHoursSpecification"]
    assert [(c["validFrom"], c["validThrough"], c["opens"], c["closes"]) for c in closures] == [
        ("2026-12-24", "2027-01-01", "00:00", "00:00"),
        ("2027-01-15", "2027-01-15", "00:00", "00:00"),
    ]
    assert closures[0]["description"] == page.closures.order_by("start_date")[0].reason


def test_past_closures_leave_the_page_and_its_data(client, office):
    soup = soup_at(client, office(language="en").url, brussels(2027, 1, 10, 10, 0))

    closures = local_business(soup)["specialOpeningHoursSpecification"]
    assert [c["validFrom"] for c in closures] == ["2027-01-15"]
    assert "End-of-year holidays" not in soup.select_one("main").get_text()


# --- The page cache keeps "open now" only while it is true --------------------------------------
@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    page_cache.next_generation()


def test_an_office_page_is_cached_until_the_office_closes_and_no_longer(
    client, page_cache_on, office
):
    url = office(language="en").url
    with time_machine.travel(brussels(2026, 11, 24, 12, 28), tick=False):
        first = client.get(url)
    with time_machine.travel(brussels(2026, 11, 24, 12, 29, 59), tick=False):
        again = client.get(url)
    with time_machine.travel(brussels(2026, 11, 24, 12, 30, 1), tick=False):
        after_closing = client.get(url)

    assert (first["X-Cache"], again["X-Cache"], after_closing["X-Cache"]) == ("MISS", "HIT", "MISS")
    assert "Open now" in again.content.decode()
    assert "Closed now" in after_closing.content.decode()


# --- Where offices live, and what editors may enter ---------------------------------------------
class OfficeEditingTests(WagtailPageTestCase):
    @pytest.fixture(autouse=True)
    def french_pages(self, offices):
        self.contact = offices["contact"]
        self.office = offices["office"]["fr"]
        self.booklet = offices["booklet"]

    def setUp(self):
        self.login()

    def test_contact_page_sits_under_home_and_holds_offices_which_hold_a_booklet(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, {OfficePage})
        self.assertAllowedParentPageTypes(OfficePage, {ContactPage})
        self.assertAllowedSubpageTypes(OfficePage, {WelcomeBookletPage})
        self.assertAllowedParentPageTypes(WelcomeBookletPage, {OfficePage})
        self.assertCanNotCreateAt(HomePage, OfficePage)

    def office_form(self, slug, opens, closes):
        return nested_form_data(
            {
                "title": "Smart Gand",
                "slug": slug,
                "intro": "Le bureau des membres de Gand.",
                "street_address": "Rue des Tisserands 3",
                "postal_code": "9000",
                "locality": "Gand",
                "directions": "",
                "phone": "+32 9 000 33 44",
                "email": "gent@example.org",
                "time_zone": "Europe/Brussels",
                "hours": inline_formset([{"weekday": "0", "opens": opens, "closes": closes}]),
                "closures": inline_formset([]),
                "services": inline_formset([]),
                "action-publish": "publish",
            }
        )

    def test_an_editor_adds_an_office_with_its_hours_through_the_admin(self):
        self.assertCanCreate(self.contact, OfficePage, self.office_form("gand", "09:00", "12:00"))

        ghent = OfficePage.objects.get(slug="gand")
        assert ghent.live
        assert [(h.weekday, str(h.opens), str(h.closes)) for h in ghent.hours.all()] == [
            (0, "09:00:00", "12:00:00")
        ]

    def test_hours_that_close_before_they_open_are_refused_with_a_message(self):
        response = self.client.post(
            f"/admin/pages/add/offices/officepage/{self.contact.pk}/",
            self.office_form("gand-a-l-envers", "17:00", "09:00"),
        )

        assert response.status_code == 200
        # The editor's admin speaks French.
        assert response.context["form"].formsets["hours"].errors == [
            {"closes": ["Le bureau doit fermer après son ouverture."]}
        ]
        assert not OfficePage.objects.filter(slug="gand-a-l-envers").exists()

    def test_an_unknown_time_zone_is_refused_with_a_message(self):
        data = self.office_form("gand-ailleurs", "09:00", "12:00")
        data["time_zone"] = "Europe/Gand"

        response = self.client.post(f"/admin/pages/add/offices/officepage/{self.contact.pk}/", data)

        assert response.status_code == 200
        assert "time_zone" in response.context["form"].errors
        assert not OfficePage.objects.filter(slug="gand-ailleurs").exists()

    def test_contact_office_and_booklet_pages_open_in_the_editor(self):
        for page in [self.contact, self.office, self.booklet]:
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, (page.specific_class, response.status_code)
