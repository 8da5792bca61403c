"""The agenda: coming dates with filters, past events, an event's page, and the agenda on the home
page and on each office's page, in French, Dutch and English."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from events.choices import EventKind
from events.models import EventPage
from events.occurrences import BRUSSELS, Recurrence
from tests.events.factories import AgendaPageFactory, EventPageFactory, at
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.translations.factories import translate_into_all

LANGUAGES = ["fr", "nl", "en"]
AGENDA_TITLES = {"fr": "Agenda", "nl": "Agenda", "en": "What's on"}


@pytest.fixture(scope="module")
def agenda(shared_data):
    with shared_data():
        tree = build_site_tree()
        contact = ContactPageFactory(parent=tree.home["fr"])
        brussels = OfficePageFactory(parent=contact, title="Smart Bruxelles", slug="bruxelles")
        liege = OfficePageFactory(
            parent=contact, title="Smart Liège", slug="liege", locality="Liège", postal_code="4000"
        )
        agenda = AgendaPageFactory(parent=tree.home["fr"])
        workshop = EventPageFactory(
            parent=agenda, title="Atelier facturation pas à pas", office=brussels, places=12
        )
        session = EventPageFactory(
            parent=agenda,
            title="Séance d'accueil en ligne",
            kind=EventKind.INFORMATION_SESSION,
            starts_at=at(3, 12),
            ends_at=at(3, 13),
            recurrence=Recurrence.WEEKLY,
            online_link="https://meet.example.org/accueil",
        )
        meetup = EventPageFactory(
            parent=agenda,
            title="Rencontre des membres liégeois",
            kind=EventKind.MEETUP,
            office=liege,
            starts_at=at(40, 19),
            ends_at=at(40, 22),
        )
        past = EventPageFactory(
            parent=agenda, title="Atelier passé", starts_at=at(-20), ends_at=at(-20, 20)
        )
        agendas = translate_into_all(
            agenda, {"nl": {"Agenda": "Agenda"}, "en": {"Agenda": "What's on"}}
        )
        workshops = translate_into_all(
            workshop,
            {
                "nl": {"Atelier facturation pas à pas": "Workshop: een klant factureren"},
                "en": {"Atelier facturation pas à pas": "Workshop: invoicing a client"},
            },
        )
        yield {
            "agendas": agendas,
            "workshops": workshops,
            "session": session,
            "meetup": meetup,
            "past": past,
            "brussels": brussels,
        }


def page_html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(html):
    return [a.get_text(strip=True) for a in html.select(".event-item__title a")]


@pytest.mark.django_db
def test_the_agenda_lists_coming_dates_earliest_first_with_repeated_ones(client, agenda):
    titles = listed_titles(page_html(client, agenda["agendas"]["fr"].url))

    # The weekly session comes first (in 3 days) and again every week; nothing past shows.
    assert titles[0] == "Séance d'accueil en ligne"
    assert titles.count("Séance d'accueil en ligne") >= 6
    assert "Atelier facturation pas à pas" in titles
    assert "Atelier passé" not in titles
    assert titles.index("Atelier facturation pas à pas") < titles.index(
        "Rencontre des membres liégeois"
    )


@pytest.mark.django_db
def test_the_agenda_filters_by_office_kind_and_month(client, agenda):
    url = agenda["agendas"]["fr"].url

    assert set(listed_titles(page_html(client, url, office="liege"))) == {
        "Rencontre des membres liégeois"
    }
    assert set(listed_titles(page_html(client, url, kind="information-session"))) == {
        "Séance d'accueil en ligne"
    }
    month = agenda["meetup"].starts_at.strftime("%Y-%m")
    assert "Rencontre des membres liégeois" in listed_titles(page_html(client, url, month=month))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"office": "namur"}, {"kind": "party"}, {"month": "2026-13"}, {"month": "x"}, {"page": "99"}],
)
def test_an_unknown_filter_is_a_not_found_page_not_an_error(client, agenda, params):
    assert client.get(agenda["agendas"]["fr"].url, params).status_code == 404


@pytest.mark.django_db
def test_past_events_are_archived_apart(client, agenda):
    html = page_html(client, agenda["agendas"]["fr"].url + "past/")

    assert listed_titles(html) == ["Atelier passé"]
    event = page_html(client, agenda["past"].url)
    assert "Cet événement est terminé." in event.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_page_shows_its_dates_place_and_structured_data(client, agenda, language):
    event = agenda["workshops"][language]

    html = page_html(client, event.url)

    assert html.select_one("h1").get_text(strip=True) == event.title
    assert "12" in html.select_one(".event__dates").get_text()
    assert html.select_one(f"a[href='/{language}/events/{event.pk}/register/']")
    assert html.select_one("a[href$='calendar/']")
    data = next(
        data
        for data in (
            json.loads(s.string) for s in html.select("script[type='application/ld+json']")
        )
        if data["@type"] == "Event"
    )
    assert data["name"] == event.title
    assert data["location"]["address"]["addressLocality"] == "Bruxelles"
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["startDate"].startswith(event.starts_at.date().isoformat())


@pytest.mark.django_db
def test_the_home_page_shows_the_next_events(client, agenda):
    html = page_html(client, "/fr/")

    section = html.select_one("#events-title").find_parent("section")
    assert "Séance d'accueil en ligne" in section.get_text()
    assert section.select_one(f"a[href='{agenda['agendas']['fr'].url}']")


@pytest.mark.django_db
def test_an_office_page_shows_its_own_coming_events(client, agenda):
    html = page_html(client, agenda["brussels"].url)

    section = html.select_one("#office-events").find_parent("section")
    assert listed_titles(section) == ["Atelier facturation pas à pas"]


@pytest.mark.django_db
def test_events_are_found_by_the_search_as_events(client, agenda):
    html = page_html(client, "/en/search/", q="invoicing")

    result = next(
        item
        for item in html.select(".search-result")
        if "Workshop: invoicing a client" in item.get_text()
    )
    assert "Event" in result.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "weekly", "monthly"),
    [
        ("fr", "Chaque jeudi", "Le deuxième jeudi du mois"),
        ("nl", "Elke donderdag", "Elke tweede donderdag van de maand"),
        ("en", "Every Thursday", "Every second Thursday of the month"),
    ],
)
def test_a_repeated_event_says_how_it_repeats_as_members_say_it(language, weekly, monthly):
    # Thursday 10 December 2026, the second Thursday of its month.
    event = EventPage(
        starts_at=datetime.datetime(2026, 12, 10, 17, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2026, 12, 10, 18, tzinfo=BRUSSELS),
    )

    with translation.override(language):
        event.recurrence = Recurrence.WEEKLY
        assert event.repeats == weekly
        event.recurrence = Recurrence.MONTHLY
        assert event.repeats == monthly
        event.recurrence = Recurrence.ONCE
        assert event.repeats == ""
