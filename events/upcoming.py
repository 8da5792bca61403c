"""The next dates of the agenda, for the home page and each office's page."""

from django.utils import timezone

from . import listing
from .models import AgendaPage, EventPage


def agenda_of(locale_id):
    return AgendaPage.objects.live().filter(locale_id=locale_id).first()


def next_dates(agenda, office=None, count=3, now=None, with_offices=True):
    """The `count` next dates of the events under `agenda` (any Page object of it), at `office`
    only if given (matched by translation key, like the agenda's filter), earliest first."""
    if agenda is None:
        return []
    now = now or timezone.now()
    events = EventPage.objects.live().public().child_of(agenda).select_related("office")
    if office is not None:
        events = events.filter(office__translation_key=office.translation_key)
    if with_offices:
        events = listing.attach_local_offices(events, listing.offices_of(agenda.locale_id).values())
    dates = sorted(
        (date for event in events for date in event.occurrences(after=now)[:count]),
        key=lambda date: (date.starts_at, date.event.title),
    )
    return dates[:count]
