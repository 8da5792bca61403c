"""Once a year each listed member is asked: still accurate, still want to be listed?

Answering yes renews the consent (with the current text's version). A member who does not
answer within `ANSWER_DAYS` is hidden from the directory, not deleted: confirming later lists
them again. `manage.py ask_members_to_confirm` runs this daily (docs/deployment.md).
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.public_address import absolute

from .consent import CONSENT_VERSION
from .models import MemberProfile

ASK_AFTER_DAYS = 365
ANSWER_DAYS = 30


def due_for_question(now):
    # Confirming clears `reminder_sent_at`: a member is asked once a year, not once a day.
    return MemberProfile.objects.filter(
        live=True,
        hidden_as_stale=False,
        reminder_sent_at__isnull=True,
        confirmed_at__lte=now - timedelta(days=ASK_AFTER_DAYS),
    )


def ask_to_confirm(now=None):
    """E-mail every member whose profile is a year old; returns how many were asked."""
    now = now or timezone.now()
    asked = 0
    for profile in due_for_question(now).select_related("user"):
        if profile.user.email:
            with translation.override(profile.language):
                context = {
                    "profile": profile,
                    "confirm_url": absolute(None, reverse("directory:confirm_profile")),
                    "answer_days": ANSWER_DAYS,
                }
                EmailMessage(
                    subject=" ".join(
                        render_to_string(
                            "directory/email/confirm_profile_subject.txt", context
                        ).split()
                    ),
                    body=render_to_string("directory/email/confirm_profile.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[profile.user.email],
                ).send()
        MemberProfile.objects.filter(pk=profile.pk).update(reminder_sent_at=now)
        asked += 1
    return asked


def hide_unconfirmed(now=None):
    """Hide the profiles whose member did not answer the question in time; returns how many."""
    now = now or timezone.now()
    return MemberProfile.objects.filter(
        hidden_as_stale=False,
        reminder_sent_at__isnull=False,
        reminder_sent_at__lte=now - timedelta(days=ANSWER_DAYS),
        confirmed_at__lt=now - timedelta(days=ASK_AFTER_DAYS),
    ).update(hidden_as_stale=True)


def confirm(profile, now=None):
    """The member says the profile is still accurate: list it for another year."""
    now = now or timezone.now()
    MemberProfile.objects.filter(pk=profile.pk).update(
        confirmed_at=now,
        consent_given_at=now,
        consent_version=CONSENT_VERSION,
        hidden_as_stale=False,
        reminder_sent_at=None,
    )
