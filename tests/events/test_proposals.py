"""Members propose their own professional events; moderators approve them in the pages' review
queue, where the same event proposed twice (in two languages) is flagged; only then does it reach
the agenda."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from events.choices import EventKind
from events.models import EventPage
from tests.directory.factories import member, trade
from tests.events.factories import AgendaPageFactory
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.translations.factories import translate_into_all
from tests.workflows.factories import staff_user

IN_TEN_DAYS = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()


@pytest.fixture
def agenda(db):
    tree = build_site_tree()
    contact = ContactPageFactory(parent=tree.home["fr"])
    office = OfficePageFactory(parent=contact, title="Smart Gand", slug="gand")
    offices = translate_into_all(office)
    agendas = translate_into_all(
        AgendaPageFactory(parent=tree.home["fr"]),
        {"nl": {"Agenda": "Agenda"}, "en": {"Agenda": "Agenda"}},
    )
    return {"agendas": agendas, "offices": offices, "printmaker": trade("Graveur", nl="Graveur")}


def proposal(office_page, **changes):
    data = {
        "title": "Atelier ouvert de gravure",
        "summary": "Venez voir comment je grave et imprime mes affiches, et essayez la presse.",
        "day": IN_TEN_DAYS,
        "starts": "14:00",
        "ends": "18:00",
        "office": office_page.pk,
        "venue": "",
        "online_link": "",
        "organiser_email": "lina@members.example",
    }
    data.update(changes)
    return data


def test_a_visitor_is_asked_to_sign_in_first(client, agenda):
    response = client.get("/fr/events/propose/")

    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_a_proposal_waits_for_a_moderator_then_reaches_the_agenda(
    client, agenda, django_capture_on_commit_callbacks
):
    moderator = staff_user("moderator")
    client.force_login(member(email="lina@members.example"))

    data = proposal(agenda["offices"]["fr"], trades=[agenda["printmaker"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/events/propose/", data)

    event = EventPage.objects.get(title="Atelier ouvert de gravure")
    assert response.status_code == 302
    assert response["Location"] == f"/fr/events/proposals/{event.pk}/"
    assert not event.live
    assert event.kind == EventKind.MEMBER_EVENT
    assert event.get_parent().pk == agenda["agendas"]["fr"].pk
    assert event.current_workflow_state is not None
    assert list(event.trades.all()) == [agenda["printmaker"]]
    status = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert status.select_one(".callout") is not None
    assert (
        "Atelier ouvert de gravure" not in client.get(agenda["agendas"]["fr"].url).content.decode()
    )

    client.force_login(moderator)
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[event.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {}).status_code in (200, 302)

    event.refresh_from_db()
    assert event.live
    assert "Atelier ouvert de gravure" in client.get(agenda["agendas"]["fr"].url).content.decode()


def test_the_same_event_proposed_in_two_languages_is_flagged_for_the_moderator(client, agenda):
    client.force_login(member())
    client.post("/fr/events/propose/", proposal(agenda["offices"]["fr"]))
    client.force_login(member())

    client.post(
        "/nl/events/propose/",
        proposal(
            agenda["offices"]["nl"],
            title="Open atelier grafiek",
            summary="Kom kijken hoe ik affiches graveer en druk.",
            starts="14:30",
            ends="18:00",
        ),
    )

    french = EventPage.objects.get(title="Atelier ouvert de gravure")
    dutch = EventPage.objects.get(title="Open atelier grafiek")
    assert dutch.possible_duplicate == french
    assert french.possible_duplicate is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"day": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()}, "day"),
        ({"starts": "18:00", "ends": "14:00"}, "ends"),
        ({"office": ""}, "venue"),
        ({"title": ""}, "title"),
        ({"day": "31/02/2027"}, "day"),
        ({"online_link": "javascript:alert(1)", "office": ""}, "online_link"),
    ],
)
def test_a_proposal_with_a_mistake_says_where_and_stores_nothing(client, agenda, changes, field):
    client.force_login(member())

    response = client.post("/fr/events/propose/", proposal(agenda["offices"]["fr"], **changes))

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(f"#id_{field}").find_parent(class_="form-field--error") is not None
    assert not EventPage.objects.exists()


def test_a_proposal_is_seen_by_its_proposer_only(client, agenda):
    client.force_login(member())
    client.post("/fr/events/propose/", proposal(agenda["offices"]["fr"]))
    event = EventPage.objects.get()

    client.force_login(member())

    assert client.get(f"/fr/events/proposals/{event.pk}/").status_code == 404


def test_a_member_proposes_a_few_events_a_day_at_most(client, agenda):
    client.force_login(member())
    for number in range(5):
        data = proposal(agenda["offices"]["fr"], title=f"Concert de midi numéro {number}")
        assert client.post("/fr/events/propose/", data).status_code == 302

    response = client.post("/fr/events/propose/", proposal(agenda["offices"]["fr"]))

    assert response.status_code == 429
    assert EventPage.objects.count() == 5


def test_a_member_organiser_sees_who_registered_for_their_event(client, agenda):
    organiser = member(email="lina@members.example")
    client.force_login(organiser)
    client.post("/fr/events/propose/", proposal(agenda["offices"]["fr"], places="8"))
    event = EventPage.objects.get()
    assert event.places == 8
    event.save_revision().publish()
    client.logout()
    date = event.next_occurrences()[0]
    response = client.post(
        f"/fr/events/{event.pk}/register/",
        {"date": date.key, "name": "Tom Visiteur", "email": "tom@visitors.example"},
    )
    assert response.status_code == 302

    client.force_login(organiser)
    html = BeautifulSoup(client.get(f"/fr/events/proposals/{event.pk}/").content, "html.parser")

    coming = html.select_one("#who-is-coming").find_parent("section").get_text(" ", strip=True)
    assert "Tom Visiteur" in coming and "tom@visitors.example" in coming
