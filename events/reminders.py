"""The reminder e-mail the day before, and forgetting registrations once the event is over."""

import datetime

from django.db import transaction
from django.utils import timezone

from .choices import RegistrationStatus
from .models import Registration
from .registration import send_registration_mail

# Reminders go to dates starting within this time: run daily, every date gets one the day before.
REMINDER_AHEAD = datetime.timedelta(hours=36)
# Registrations are erased this long after their date: long enough for the organisers to answer
# a question about who came, nothing the law asks to keep.
KEPT_AFTER_EVENT = datetime.timedelta(days=7)


def send_reminders(now=None):
    """E-mail each person registered for a date starting soon, once. Returns how many."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_AHEAD,
    )
    sent = 0
    for registration in due:
        event = registration.event_in(registration.language)
        if event is None:
            continue
        with transaction.atomic():
            # Marked first: a failed send is not retried into a second e-mail tomorrow.
            updated = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
        if updated:
            send_registration_mail(None, registration, event, reminder=True)
            sent += 1
    return sent


def forget_past_registrations(now=None):
    """Erase the registrations of dates over for a week. Returns how many."""
    now = now or timezone.now()
    deleted, _by_model = Registration.objects.filter(starts_at__lt=now - KEPT_AFTER_EVENT).delete()
    return deleted
