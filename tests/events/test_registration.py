"""Registering for a date: places, the waiting list, cancelling, the e-mails with the date for the
calendar, the reminder the day before, and forgetting registrations after the event."""

import datetime

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from events.models import Registration
from events.reminders import forget_past_registrations, send_reminders
from tests.events.factories import AgendaPageFactory, EventPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate_into_all


@pytest.fixture(scope="module")
def events(shared_data):
    with shared_data():
        tree = build_site_tree()
        agenda = AgendaPageFactory(parent=tree.home["fr"])
        assembly = EventPageFactory(
            parent=agenda,
            title="Assemblée générale",
            places=2,
            online_link="https://meet.example.org/ag",
            organiser_email="ag@example.org",
        )
        open_day = EventPageFactory(parent=agenda, title="Portes ouvertes")
        translate_into_all(agenda, {"nl": {"Agenda": "Agenda"}, "en": {"Agenda": "Agenda"}})
        assemblies = translate_into_all(
            assembly,
            {
                "nl": {"Assemblée générale": "Algemene vergadering"},
                "en": {"Assemblée générale": "General assembly"},
            },
        )
        yield {"assemblies": assemblies, "open_day": open_day}


def register(client, event, name, email, language="fr"):
    date = event.next_occurrences()[0]
    return client.post(
        f"/{language}/events/{event.pk}/register/",
        {"date": date.key, "name": name, "email": email},
    )


def attached_calendar(message):
    (name, content, mimetype), *_rest = message.attachments
    assert name == "event.ics"
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


@pytest.mark.django_db
def test_the_form_is_never_kept_by_a_cache(client, events):
    response = client.get(f"/fr/events/{events['assemblies']['fr'].pk}/register/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_registering_sends_the_date_for_the_calendar_in_the_members_language(
    client, events, django_capture_on_commit_callbacks
):
    event = events["assemblies"]["nl"]

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, "An Peeters", "an@example.org", language="nl")

    registration = Registration.objects.get(email="an@example.org")
    assert response.status_code == 302
    assert response["Location"] == f"/nl/events/registrations/{registration.token}/"
    (message,) = mail.outbox
    assert message.to == ["an@example.org"]
    assert message.reply_to == ["ag@example.org"]
    assert "Algemene vergadering" in message.subject
    assert "https://meet.example.org/ag" in message.body
    assert registration.token in message.body
    (vevent,) = attached_calendar(message).walk("VEVENT")
    assert vevent["DTSTART"].dt == event.starts_at
    assert str(vevent["SUMMARY"]) == "Algemene vergadering"


@pytest.mark.django_db
def test_a_full_date_puts_people_on_the_waiting_list_in_every_language(
    client, events, django_capture_on_commit_callbacks
):
    # The French, Dutch and English pages of the event share its two places.
    with django_capture_on_commit_callbacks(execute=True):
        register(client, events["assemblies"]["fr"], "Léa", "lea@example.org")
        register(client, events["assemblies"]["en"], "Sam", "sam@example.org", language="en")
        register(client, events["assemblies"]["nl"], "Jef", "jef@example.org", language="nl")

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "lea@example.org": "registered",
        "sam@example.org": "registered",
        "jef@example.org": "waiting",
    }
    waiting_mail = mail.outbox[-1]
    assert waiting_mail.attachments == []
    assert "https://meet.example.org/ag" not in waiting_mail.body


@pytest.mark.django_db
def test_cancelling_gives_the_place_to_the_first_person_waiting(
    client, events, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("lea", "sam", "jef", "ines"):
            register(client, events["assemblies"]["fr"], name, f"{name}@example.org")
    lea = Registration.objects.get(email="lea@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/events/registrations/{lea.token}/")

    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "sam@example.org": "registered",
        "jef@example.org": "registered",
        "ines@example.org": "waiting",
    }
    (message,) = mail.outbox
    assert message.to == ["jef@example.org"]
    assert message.attachments
    # Lea lands on the event's page, which says it is done.
    assert "Votre inscription est annulée" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_the_same_address_twice_is_told_so(client, events):
    register(client, events["assemblies"]["fr"], "Léa", "lea@example.org")

    response = register(client, events["assemblies"]["fr"], "Léa", "lea@example.org")

    assert response.status_code == 400
    assert Registration.objects.count() == 1
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("[role=alert]") is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"date": "20991231T2359Z", "name": "Léa", "email": "lea@example.org"},
        {"date": "nonsense", "name": "Léa", "email": "lea@example.org"},
        {"name": "Léa", "email": "not an address"},
        {"name": "", "email": "lea@example.org"},
    ],
)
def test_bad_input_is_a_clear_400_and_nothing_stored(client, events, data):
    event = events["assemblies"]["fr"]
    data.setdefault("date", event.next_occurrences()[0].key)

    response = client.post(f"/fr/events/{event.pk}/register/", data)

    assert response.status_code == 400
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_no_registration_where_there_are_no_places_or_in_another_language(client, events):
    assert client.get(f"/fr/events/{events['open_day'].pk}/register/").status_code == 404
    assert client.get(f"/en/events/{events['assemblies']['fr'].pk}/register/").status_code == 404
    assert client.get("/fr/events/registrations/unknown-token/").status_code == 404


@pytest.mark.django_db
def test_the_reminder_goes_once_the_day_before_with_the_calendar_file(client, events):
    event = events["assemblies"]["fr"]
    register(client, event, "Léa", "lea@example.org")
    mail.outbox.clear()
    day_before = event.starts_at - datetime.timedelta(hours=20)

    assert send_reminders(now=day_before) == 1
    assert send_reminders(now=day_before) == 0
    (message,) = mail.outbox
    assert "Rappel" in message.subject
    assert attached_calendar(message).walk("VEVENT")


@pytest.mark.django_db
def test_registrations_are_erased_a_week_after_the_date(client, events):
    event = events["assemblies"]["fr"]
    register(client, event, "Léa", "lea@example.org")

    assert forget_past_registrations(now=event.ends_at + datetime.timedelta(days=6)) == 0
    assert forget_past_registrations(now=event.ends_at + datetime.timedelta(days=8)) == 1
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_a_past_date_can_no_longer_be_cancelled(client, events):
    event = events["assemblies"]["fr"]
    register(client, event, "Léa", "lea@example.org")
    registration = Registration.objects.get()
    Registration.objects.filter(pk=registration.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=1)
    )

    html = BeautifulSoup(
        client.get(f"/fr/events/registrations/{registration.token}/").content, "html.parser"
    )

    assert html.select_one("main form") is None
