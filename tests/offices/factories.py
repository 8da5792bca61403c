"""Factories for the contact page, offices with their hours, closures and services, and booklets.

An office's hours, closures and services are inline objects given to the office:
`OfficePageFactory(parent=contact, hours=[opening_hours(0, "09:00", "12:30")],
closures=[closure("2025-12-24", "2025-12-26", "Vacances de Noël")],
services=[OfficeService(service=ServiceFactory())])`, `OfficeService` from home.models.
"""

import datetime

import factory
from django.utils import timezone

from offices.models import (
    ContactPage,
    OfficeClosure,
    OfficeHours,
    OfficePage,
    Service,
    WelcomeBookletPage,
)
from tests.portal.factories import PageFactory


def as_time(value):
    return datetime.time.fromisoformat(value) if isinstance(value, str) else value


def as_date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def opening_hours(weekday, opens, closes):
    """One opening range: `weekday` 0 is Monday, times as "09:00" or `datetime.time`."""
    return OfficeHours(weekday=weekday, opens=as_time(opens), closes=as_time(closes))


def weekdays(opens="09:00", closes="17:00"):
    """The same opening range from Monday to Friday."""
    return [opening_hours(weekday, opens, closes) for weekday in range(5)]


def closure(start, end, reason="Congé"):
    """Whole days closed, from `start` to `end` (dates or "2025-12-24")."""
    return OfficeClosure(start_date=as_date(start), end_date=as_date(end), reason=reason)


class ServiceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Facturation ({n})")
    handles = "Vos factures, les rappels de paiement et les notes de crédit."
    how_to_reach = "Appelez le matin : nous répondons en moins d'un jour ouvrable."
    phone = "+32 2 000 12 34"
    email = "facturation@example.org"

    class Meta:
        model = Service


class ContactPageFactory(PageFactory):
    title = "Contact"
    slug = "contact"
    intro = "Appelez d'abord le service qui traite votre question ; voici aussi nos bureaux."
    show_in_menus = True

    class Meta:
        model = ContactPage


class OfficePageFactory(PageFactory):
    """An office open Monday to Friday, 9:00 to 17:00, in Brussels time, with no closures."""

    title = factory.Sequence(lambda n: f"Bureau de Bruxelles ({n})")
    intro = "Pour les membres de Bruxelles et du Brabant."
    street_address = "Rue Coenraets 72"
    postal_code = "1060"
    locality = "Bruxelles"
    phone = "+32 2 542 10 80"
    email = "bruxelles@example.org"
    directions = "Métro Gare du Midi, puis cinq minutes à pied. Accès de plain-pied."
    hours = factory.LazyFunction(weekdays)

    class Meta:
        model = OfficePage


class WelcomeBookletPageFactory(PageFactory):
    """This year's welcome booklet of an office (`parent=` the office)."""

    title = "Livret d'accueil"
    slug = "livret-d-accueil"
    edition_year = factory.LazyFunction(lambda: timezone.localdate().year)
    welcome = "<p>Bienvenue chez Smart : notre équipe vous accompagne dans vos premiers pas.</p>"
    cooperative = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>La coopérative appartient à ses membres.</p>"}]
    )
    taking_part = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Devenez associé et votez à l'assemblée.</p>"}]
    )

    class Meta:
        model = WelcomeBookletPage
