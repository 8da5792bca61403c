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
from django.utils.text import slugify

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
    first_word = next(iter(slugify(title).split("-")), "")
    same = Q(title__icontains=first_word) if len(first_word) >= 4 else Q(pk__in=[])
    if office is not None:
        same |= Q(office__translation_key=office.translation_key)
    return nearby.filter(same).order_by("-live", "pk").first()


@transaction.atomic
def propose_event(agenda, user, trades=(), **fields):
    """A draft members' event under `agenda`, sent for review; the page."""
    event = EventPage(
        kind=EventKind.MEMBER_EVENT,
        live=False,
        owner=user,
        proposed_by=user,
        slug=unique_slug(agenda, fields["title"]),
        **fields,
    )
    event.trades = list(trades)
    event.possible_duplicate = possible_duplicate(event.starts_at, event.office, event.title)
    agenda.add_child(instance=event)
    event.save_revision(user=user)
    workflow = event.get_workflow()
    if workflow is None:
        # No review configured above the agenda: the proposal waits as a draft for an editor.
        return event
    workflow.start(event, user)
    return event


def unique_slug(parent, title, fallback="event"):
    """A slug from `title` that none of `parent`'s children has yet."""
    base = slugify(title)[:60] or fallback
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
