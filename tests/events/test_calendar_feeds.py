"""Calendar feeds as calendar applications read them: parsed with icalendar, imported twice.

The rules calendar clients apply on import (RFC 5545, and what Google Calendar, Outlook and Apple
Calendar do with it): an event is identified by its UID, so a second import or a refreshed
subscription updates it instead of duplicating it; a time with a TZID needs that time zone's
VTIMEZONE; a rule's UNTIL is in UTC when DTSTART has a time zone; the file is text/calendar
in UTF-8 with CRLF line ends.
"""

import datetime
import zoneinfo

import icalendar
import pytest
from dateutil import rrule

from events.choices import EventKind
from events.occurrences import Recurrence
from tests.directory.factories import trade
from tests.events.factories import AgendaPageFactory, EventPageFactory, at
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.translations.factories import translate_into_all

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture(scope="module")
def feeds(shared_data):
    with shared_data():
        tree = build_site_tree()
        office = OfficePageFactory(
            parent=ContactPageFactory(parent=tree.home["fr"]), title="Smart Anvers", slug="anvers"
        )
        designer = trade("Graphiste", nl="Grafisch vormgever", en="Graphic designer")
        agenda = AgendaPageFactory(parent=tree.home["fr"])
        workshop = EventPageFactory(parent=agenda, title="Atelier droits d'auteur", office=office)
        workshop.trades = [designer]
        workshop.save_revision().publish()
        monthly = EventPageFactory(
            parent=agenda,
            title="Séance d'accueil mensuelle",
            kind=EventKind.INFORMATION_SESSION,
            starts_at=at(5, 10),
            ends_at=at(5, 12),
            recurrence=Recurrence.MONTHLY,
            repeat_until=(at(5) + datetime.timedelta(days=200)).date(),
        )
        agendas = translate_into_all(
            agenda, {"nl": {"Agenda": "Agenda"}, "en": {"Agenda": "Agenda"}}
        )
        translate_into_all(workshop)
        translate_into_all(monthly)
        yield {
            "agendas": agendas,
            "workshop": workshop,
            "monthly": monthly,
            "office": office,
            "designer": designer,
        }


def feed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_the_feed_parses_with_the_brussels_time_zone_and_links_back(client, feeds):
    calendar = feed(client, feeds["agendas"]["fr"].url + "calendar/")

    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    events = events_of(calendar)
    assert len(events) == 2
    workshop = events[f"{feeds['workshop'].translation_key}@agenda.smart.coop"]
    start = workshop["DTSTART"]
    assert start.params["TZID"] == "Europe/Brussels"
    assert start.dt == feeds["workshop"].starts_at.astimezone(BRUSSELS)
    assert str(workshop["URL"]).endswith(feeds["workshop"].url)
    assert "Smart Anvers" in str(workshop["LOCATION"])


@pytest.mark.django_db
def test_a_repeated_event_is_one_event_with_its_rule_ending_in_utc(client, feeds):
    events = events_of(feed(client, feeds["agendas"]["fr"].url + "calendar/"))

    monthly = events[f"{feeds['monthly'].translation_key}@agenda.smart.coop"]
    rule = monthly["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    until = rule["UNTIL"][0]
    assert until.utcoffset() == datetime.timedelta(0)
    # Expanded as a calendar would, the dates are the same weekday of the month at 10:00.
    dates = list(rrule.rrulestr(monthly["RRULE"].to_ical().decode(), dtstart=monthly["DTSTART"].dt))
    assert len(dates) >= 6
    assert {date.astimezone(BRUSSELS).hour for date in dates} == {10}
    assert {date.weekday() for date in dates} == {feeds["monthly"].starts_at.weekday()}


@pytest.mark.django_db
def test_importing_twice_or_in_two_languages_adds_no_duplicate(client, feeds):
    first = events_of(feed(client, feeds["agendas"]["fr"].url + "calendar/"))
    again = events_of(feed(client, feeds["agendas"]["fr"].url + "calendar/"))
    dutch = events_of(feed(client, feeds["agendas"]["nl"].url + "calendar/"))

    # A calendar keeps one event per UID: the same UIDs, so nothing is added the second time.
    assert set(first) == set(again) == set(dutch)
    assert {str(e["SEQUENCE"]) for e in first.values()} == {
        str(e["SEQUENCE"]) for e in again.values()
    }


@pytest.mark.django_db
def test_feeds_per_office_kind_and_trade_hold_only_theirs(client, feeds):
    url = feeds["agendas"]["fr"].url + "calendar/"
    workshop_uid = f"{feeds['workshop'].translation_key}@agenda.smart.coop"

    assert set(events_of(feed(client, url, office="anvers"))) == {workshop_uid}
    assert set(events_of(feed(client, url, kind="workshop"))) == {workshop_uid}
    assert set(events_of(feed(client, url, trade=str(feeds["designer"].pk)))) == {workshop_uid}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"office": "gand"}, {"trade": "999999"}, {"trade": "abc"}, {"kind": "x"}]
)
def test_a_feed_for_something_unknown_is_not_found(client, feeds, params):
    response = client.get(feeds["agendas"]["fr"].url + "calendar/", params)

    assert response.status_code == 404


@pytest.mark.django_db
def test_add_to_my_calendar_gives_the_one_event(client, feeds):
    calendar = feed(client, feeds["workshop"].url + "calendar/")

    assert list(events_of(calendar)) == [f"{feeds['workshop'].translation_key}@agenda.smart.coop"]
