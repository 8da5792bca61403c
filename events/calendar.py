"""Calendar files (.ics) every calendar application imports the same way.

What breaks agenda exports elsewhere, and how this avoids it:
- duplicates on a second import: each event has one UID, the same in every feed and language
  (its translation key), so a calendar updates it instead of adding it again;
- wrong hours: times are written in Europe/Brussels with the time zone's definition included
  (VTIMEZONE), not as floating times;
- a repeated event written as dozens of copies: it is one event with its rule (RRULE);
- no way back: each event links to its page on the portal.
"""

import datetime

import icalendar
from django.utils import timezone

from portal.pages import absolute_url

from .occurrences import BRUSSELS, Recurrence, week_of_month

PRODUCT_ID = "-//Smart//Member portal agenda//EN"
# UIDs must be unique worldwide (RFC 5545): a translation key under the cooperative's domain.
UID_DOMAIN = "agenda.smart.coop"


def event_uid(event, starts_at=None):
    """The event's identity in calendars: the same in every language and every feed. One date
    of a repeated event, sent on its own to whoever registered for it, has its own."""
    if starts_at is not None and event.recurrence:
        date = starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%MZ")
        return f"{event.translation_key}-{date}@{UID_DOMAIN}"
    return f"{event.translation_key}@{UID_DOMAIN}"


def new_calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    # Calendars that follow subscriptions look again twice a day at most.
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    return calendar


def event_component(request, event, starts_at=None):
    """A VEVENT for `event` (its rule, if repeated), or for its one date `starts_at`."""
    component = icalendar.Event()
    component.add("uid", event_uid(event, starts_at))
    start = (starts_at or event.starts_at).astimezone(BRUSSELS)
    component.add("dtstart", start)
    component.add("dtend", start + (event.ends_at - event.starts_at))
    if starts_at is None and event.recurrence:
        component.add("rrule", recurrence_for_calendars(event, start))
    component.add("summary", event.title)
    url = absolute_url(request, event)
    component.add("description", f"{event.summary}\n\n{url}")
    component.add("url", url)
    location = event_location(event)
    if location:
        component.add("location", location)
    add_publication_stamps(component, event)
    if event.organiser_email:
        component.add("organizer", f"mailto:{event.organiser_email}")
    return component


def add_publication_stamps(component, page):
    """When the entry last changed, as calendars compare it: they take a changed entry only with
    a higher sequence, and the minute it was published grows with each publication."""
    changed = page.last_published_at or page.first_published_at or timezone.now()
    component.add("dtstamp", changed)
    component.add("last-modified", changed)
    component.add("sequence", int(changed.timestamp()) // 60)


def recurrence_for_calendars(event, start):
    """The event's rule as RFC 5545 writes it: the last day as UTC (UNTIL must be, beside a
    start with a time zone), the monthly weekday as '2TU' (the second Tuesday)."""
    rule = {"freq": "WEEKLY" if event.recurrence == Recurrence.WEEKLY else "MONTHLY"}
    if event.recurrence == Recurrence.MONTHLY:
        weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()]
        rule["byday"] = f"{week_of_month(start)}{weekday}"
    if event.repeat_until:
        last_minute = datetime.datetime.combine(
            event.repeat_until, datetime.time(23, 59), tzinfo=BRUSSELS
        )
        rule["until"] = last_minute.astimezone(datetime.UTC)
    return icalendar.vRecur(rule)


def event_location(event):
    if event.venue:
        return event.venue
    if event.office is not None:
        office = event.office
        return f"{office.title}, {office.street_address}, {office.postal_code} {office.locality}"
    if event.online_link:
        return event.online_link
    return ""


def calendar_bytes(name, request, events):
    calendar = new_calendar(name)
    for event in events:
        calendar.add_component(event_component(request, event))
    # The definitions of the time zones used (Europe/Brussels), so no calendar guesses them.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def occurrence_bytes(request, event, starts_at, method=None):
    """One date of `event`, as attached to a registration e-mail."""
    calendar = new_calendar(event.title)
    if method:
        calendar.add("method", method)
    calendar.add_component(event_component(request, event, starts_at))
    calendar.add_missing_timezones()
    return calendar.to_ical()
