"""Sending the weekly e-mail: to each member due one, if anything new concerns them.

A member is due once their last e-mail was sent on a day at least a week before today (days in
Brussels, not seconds: a run every Monday at 6:00 finds last Monday's sending due, a few seconds
short of seven whole days or not). Whether it finds something or not, the run marks each member
as sent before sending, so a second run the same week sends nothing twice and nobody receives an
empty e-mail. Only an e-mail that failed to leave is given back to the next run.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from events.occurrences import BRUSSELS
from opportunities.closing import today_in_brussels
from portal.public_address import absolute

from .content import NewItems, digest_for
from .models import DigestSubscription

DAYS_BETWEEN = 7
# A member's first e-mail tells what was published in the week before it.
FIRST_LOOK_BACK = datetime.timedelta(days=DAYS_BETWEEN)

logger = logging.getLogger(__name__)


def due_subscriptions(now):
    """The subscriptions never sent, or last sent on a day a week or more before today."""
    first_day_not_due = today_in_brussels(now) - datetime.timedelta(days=DAYS_BETWEEN - 1)
    cutoff = datetime.datetime.combine(first_day_not_due, datetime.time(), tzinfo=BRUSSELS)
    return DigestSubscription.objects.filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lt=cutoff)
    )


def since_of(subscription, now):
    return subscription.last_sent_at or now - FIRST_LOOK_BACK


def claim_due_subscriptions(now):
    """The due subscriptions, marked as sent `now` in one transaction: a run started meanwhile
    skips them. Each keeps its previous `last_sent_at` in memory."""
    with transaction.atomic():
        claimed = list(
            due_subscriptions(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "office")
            .prefetch_related("skills")
            .order_by("pk")
        )
        DigestSubscription.objects.filter(pk__in=[s.pk for s in claimed]).update(last_sent_at=now)
    return claimed


def give_back(subscriptions, now):
    """Undo the mark of subscriptions whose e-mail did not leave, for the next run to retry."""
    for subscription in subscriptions:
        DigestSubscription.objects.filter(pk=subscription.pk, last_sent_at=now).update(
            last_sent_at=subscription.last_sent_at
        )


def digest_message(subscription, digest, connection=None):
    """The e-mail of one digest, text and HTML, in the member's language, with the link to stop
    it in the body and in the headers mail programs read for their own "unsubscribe" button."""
    with translation.override(subscription.language):
        stop_url = absolute(None, reverse("digest:stop", args=[subscription.token]))
        count = len(digest.events) + len(digest.opportunities)
        context = {
            "events": [
                (event, timezone.localtime(date.starts_at), absolute(None, event.get_url()))
                for event, date in digest.events
            ],
            "opportunities": [
                (opportunity, absolute(None, opportunity.get_url()))
                for opportunity in digest.opportunities
            ],
            "stop_url": stop_url,
            "settings_url": absolute(None, reverse("digest:settings")),
        }
        subject = ngettext(
            "%(count)d new event or opportunity for you",
            "%(count)d new events and opportunities for you",
            count,
        ) % {"count": count}
        text = render_to_string("digest/email/digest.txt", context)
        html = render_to_string("digest/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.user.email],
        headers={
            # RFC 8058: mail programs stop it in one click, by a POST to this address.
            "List-Unsubscribe": f"<{stop_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def send_digests(now=None):
    """Send the weekly e-mail to every member due one who has something new. Returns how many."""
    now = now or timezone.now()
    claimed = claim_due_subscriptions(now)
    new_items = {}
    for language in {subscription.language for subscription in claimed}:
        since = min(since_of(s, now) for s in claimed if s.language == language)
        new_items[language] = NewItems(language, since, now)
    digests = [
        (subscription, digest)
        for subscription in claimed
        if subscription.user.email
        and (
            digest := digest_for(
                subscription, since_of(subscription, now), now, new_items[subscription.language]
            )
        )
    ]
    if not digests:
        return 0
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError):
        give_back([subscription for subscription, _digest in digests], now)
        raise
    sent = 0
    try:
        for subscription, digest in digests:
            try:
                digest_message(subscription, digest, connection).send()
            except (smtplib.SMTPException, OSError):
                logger.exception("The weekly e-mail of subscription %s failed", subscription.pk)
                give_back([subscription], now)
            else:
                sent += 1
    finally:
        connection.close()
    return sent
