"""Members' own professional events: proposed from the public site, reviewed by moderators in the
queue they already use, published in the agenda once approved.

A proposal is a draft event page in the agenda of the member's language, sent into the pages'
review workflow ("Moderators approval"), which e-mails the moderators. Before it goes, an event on
the same day that may be the same one (proposed twice, or by someone else in another language) is
noted on it for the moderator to check.
"""

import datetime

from django.db import transaction
from django.db.models import Q

from workflows.member_submissions import submit_for_review, title_starts_alike, unique_slug

from .choices import EventKind
from .models import EventPage

# Two proposals starting this close, at the same office or with the same first words, may be
# the same event.
SAME_TIME = datetime.timedelta(hours=2)


def possible_duplicate(starts_at, office, title, exclude=None):
    """An event (any language, live or waiting for review) that may be the one proposed."""
    nearby = EventPage.objects.filter(
        starts_at__gte=starts_at - SAME_TIME, starts_at__lte=starts_at + SAME_TIME
    )
    if exclude is not None:
        nearby = nearby.exclude(pk=exclude.pk)
    same = title_starts_alike(title)
    if office is not None:
        same |= Q(office__translation_key=office.translation_key)
    return nearby.filter(same).order_by("-live", "pk").first()


@transaction.atomic
def propose_event(agenda, user, trades=(), **fields):
    """A draft members' event under `agenda`, sent for review; the page."""
    event = EventPage(
        kind=EventKind.MEMBER_EVENT,
        proposed_by=user,
        slug=unique_slug(agenda, fields["title"], fallback="event"),
        **fields,
    )
    event.trades = list(trades)
    event.possible_duplicate = possible_duplicate(event.starts_at, event.office, event.title)
    return submit_for_review(agenda, event, user)
