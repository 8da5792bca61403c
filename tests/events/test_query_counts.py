"""The agenda's pages cost a fixed, small number of queries (10 at most), however many events
it holds: counted with twelve events, repeated ones among them, then with twice as many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.choices import EventKind
from events.occurrences import Recurrence
from tests.events.factories import AgendaPageFactory, EventPageFactory, at
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory

MOST_QUERIES = 10


def add_events(agenda, office, count, offset=0):
    for number in range(count):
        EventPageFactory(
            parent=agenda,
            title=f"Atelier {offset + number}",
            office=office if number % 2 else None,
            places=20 if number % 3 == 0 else None,
            kind=EventKind.MEETUP if number % 2 else EventKind.WORKSHOP,
            starts_at=at(2 + number),
            ends_at=at(2 + number, 20),
            recurrence=Recurrence.WEEKLY if number % 4 == 0 else Recurrence.ONCE,
        )


@pytest.fixture
def agenda(db):
    tree = build_site_tree()
    office = OfficePageFactory(
        parent=ContactPageFactory(parent=tree.home["fr"]), title="Smart Gand", slug="gand"
    )
    agenda = AgendaPageFactory(parent=tree.home["fr"])
    add_events(agenda, office, 12)
    return {"agenda": agenda, "office": office, "event": agenda.get_children().first().specific}


def queries(client, url):
    # A first request fills what every page keeps per process (site, menus, locales).
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "address",
    [
        lambda world: world["agenda"].url,
        lambda world: world["agenda"].url + "?office=gand&kind=meetup",
        lambda world: world["agenda"].url + "past/",
        lambda world: world["agenda"].url + "calendar/",
        lambda world: world["event"].url,
        lambda world: f"/fr/events/{world['event'].pk}/register/",
    ],
)
def test_agenda_pages_cost_the_same_few_queries_whatever_they_hold(
    client, agenda, address, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    url = address(agenda)
    before = queries(client, url)

    add_events(agenda["agenda"], agenda["office"], 12, offset=12)

    assert before <= MOST_QUERIES
    assert queries(client, url) == before
