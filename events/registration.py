"""Registering for one date of an event: places, the waiting list, and the e-mails that go with
them, each with the date as a calendar file."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal import public_address

from .calendar import occurrence_bytes
from .choices import RegistrationStatus
from .models import EventPage, Registration, taken_places


class AlreadyRegistered(Exception):
    """This address is already registered, or waiting, for this date."""


def register(request, event, occurrence, name, email):
    """Register `email` for `occurrence`, or put it on the waiting list when the date is full;
    the registration, e-mailed with the date as a calendar file."""
    with transaction.atomic():
        # One registration at a time per event (its pages in every language are locked, which
        # holds even before anyone registered): two people can't both take the last place.
        list(
            EventPage.objects.select_for_update()
            .filter(translation_key=event.translation_key)
            .values_list("pk", flat=True)
        )
        registered, _waiting = taken_places(event.translation_key, [occurrence.starts_at]).get(
            occurrence.starts_at, (0, 0)
        )
        status = (
            RegistrationStatus.REGISTERED
            if registered < event.places
            else RegistrationStatus.WAITING
        )
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event_key=event.translation_key,
                    starts_at=occurrence.starts_at,
                    name=name,
                    email=email,
                    language=translation.get_language(),
                    status=status,
                )
        except IntegrityError as error:
            raise AlreadyRegistered from error
    transaction.on_commit(lambda: send_registration_mail(request, registration, event))
    return registration


def cancel(request, registration):
    """Cancel `registration`; the first person waiting for that date gets the place, by e-mail."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        freed = registration.status == RegistrationStatus.REGISTERED
        registration.delete()
        promoted = None
        if freed and registration.starts_at > timezone.now():
            promoted = (
                Registration.objects.select_for_update()
                .filter(
                    event_key=registration.event_key,
                    starts_at=registration.starts_at,
                    status=RegistrationStatus.WAITING,
                )
                .order_by("created_at", "pk")
                .first()
            )
            if promoted is not None:
                promoted.status = RegistrationStatus.REGISTERED
                promoted.save(update_fields=["status"])
    if promoted is not None:
        transaction.on_commit(
            lambda: send_registration_mail(
                request, promoted, promoted.event_in(promoted.language), promoted_now=True
            )
        )
    return promoted


def manage_url(request, registration):
    with translation.override(registration.language):
        path = reverse("events:registration", args=[registration.token])
    return public_address.absolute(request, path)


def send_registration_mail(request, registration, event, promoted_now=False, reminder=False):
    """The e-mail of a registration in its language: registered (with the date as a calendar
    file and the online link), waiting, promoted from the waiting list, or a reminder."""
    if event is None:
        return
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "registered": registration.status == RegistrationStatus.REGISTERED,
            "promoted_now": promoted_now,
            "reminder": reminder,
            "event_url": public_address.absolute(request, event.get_url(request)),
            "manage_url": manage_url(request, registration),
            "starts_at": timezone.localtime(registration.starts_at),
            "ends_at": timezone.localtime(
                registration.starts_at + (event.ends_at - event.starts_at)
            ),
        }
        subject = render_to_string("events/emails/registration_subject.txt", context).strip()
        body = render_to_string("events/emails/registration.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        reply_to=[event.organiser_email] if event.organiser_email else None,
    )
    if registration.status == RegistrationStatus.REGISTERED:
        message.attach(
            "event.ics",
            occurrence_bytes(request, event, registration.starts_at, method="PUBLISH"),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
    message.send()
