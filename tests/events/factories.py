"""Factories for the agenda and its events; dates are relative to now, in Brussels time."""

import datetime

import factory
from django.utils import timezone

from events.choices import EventKind
from events.models import AgendaPage, EventPage
from events.occurrences import BRUSSELS
from tests.portal.factories import PageFactory


def at(days, hour=18, minute=0):
    """An aware datetime `days` from today at `hour`:`minute` in Brussels."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BRUSSELS)


class AgendaPageFactory(PageFactory):
    title = "Agenda"
    slug = "agenda"
    intro = "Les séances d'accueil, les ateliers, l'assemblée générale et les rencontres."

    class Meta:
        model = AgendaPage


class EventPageFactory(PageFactory):
    """A workshop in ten days, 18:00 to 20:00, without registration (`places=` adds it)."""

    title = factory.Sequence(lambda n: f"Atelier facturation ({n})")
    kind = EventKind.WORKSHOP
    summary = "Deux heures pour apprendre à facturer un client pas à pas, avec vos questions."
    starts_at = factory.LazyFunction(lambda: at(10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))

    class Meta:
        model = EventPage
