"""The agenda as a member uses it, in Chromium against the demo site: on a phone, she finds the
next events of her office, registers for one with places, gets the reminder with the date for her
calendar, and subscribes to her office's calendar, which imports twice without a duplicate.
"""

import datetime
import re

import icalendar
from django.core import mail
from playwright.sync_api import expect

from events.models import EventPage, Registration
from events.reminders import send_reminders
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import WIDTHS


def an_office_event_with_places():
    """A coming French event at an office, with places left: (event, its first date)."""
    for event in EventPage.objects.live().filter(
        locale__language_code="fr", places__gte=3, office__isnull=False
    ):
        dates = event.next_occurrences()
        if dates:
            return event, dates[0]
    raise AssertionError("The demo agenda has no coming event at an office with places.")


def test_a_member_registers_for_an_event_and_follows_her_office_in_her_calendar(
    open_context, live_site
):
    event, date = an_office_event_with_places()
    office = event.office
    member = open_context(width=WIDTHS["phone"]).new_page()

    # The agenda, filtered to her office.
    member.goto("/fr/agenda/")
    assert not axe_violations(member), describe(axe_violations(member))
    member.locator("#agenda-office").select_option(value=office.slug)
    member.locator("form.agenda-filter button[type='submit']").click()
    expect(member).to_have_url(re.compile(rf"/fr/agenda/\?office={office.slug}(&|$)"))
    member.locator(".event-item__title a", has_text=event.title).first.click()
    expect(member.locator("h1")).to_have_text(event.title)
    assert not axe_violations(member), describe(axe_violations(member))

    # She registers for the first date.
    member.locator(".event__actions a", has_text="S'inscrire").click()
    member.locator(f"input[name='date'][value='{date.key}']").check()
    member.locator("#id_name").fill("Mira Journey")
    member.locator("#id_email").fill("mira.journey@example.org")
    assert not axe_violations(member), describe(axe_violations(member))
    member.locator("form.member-form button[type='submit']").click()
    registration = Registration.objects.get(email="mira.journey@example.org")
    expect(member).to_have_url(f"/fr/events/registrations/{registration.token}/")
    expect(member.locator("main")).to_contain_text("Inscrit·e")
    assert registration.starts_at == date.starts_at
    assert not axe_violations(member), describe(axe_violations(member))

    # The day before, the reminder comes with the date for her calendar.
    mail.outbox.clear()
    assert send_reminders(now=date.starts_at - datetime.timedelta(hours=20)) >= 1
    reminder = next(m for m in mail.outbox if m.to == ["mira.journey@example.org"])
    (vevent,) = icalendar.Calendar.from_ical(reminder.attachments[0][1]).walk("VEVENT")
    assert vevent["DTSTART"].dt == date.starts_at

    # She subscribes to her office's calendar: the link carries the office, and a second
    # import (a calendar refreshing the subscription) adds no copy.
    member.goto(f"/fr/agenda/?office={office.slug}")
    link = member.locator("a", has_text="S'abonner à ces événements")
    feed_url = link.get_attribute("href")
    assert f"office={office.slug}" in feed_url
    first = icalendar.Calendar.from_ical(member.request.get(feed_url).body())
    again = icalendar.Calendar.from_ical(member.request.get(feed_url).body())
    uids = [str(component["UID"]) for component in first.walk("VEVENT")]
    assert f"{event.translation_key}@agenda.smart.coop" in uids
    assert len(uids) == len(set(uids))
    assert uids == [str(component["UID"]) for component in again.walk("VEVENT")]

    # Then she cancels: her place is free again.
    member.goto(f"/fr/events/registrations/{registration.token}/")
    member.locator("main form button[type='submit']").click()
    assert not Registration.objects.filter(pk=registration.pk).exists()
