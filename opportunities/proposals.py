"""Members' own opportunities: proposed from the public site, reviewed by moderators in the queue
they already use (the pages' "Moderators approval" workflow), published on the board once
approved. One that may repeat another (the same call proposed twice, or in two languages) is
noted on it for the moderator to check.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from events.proposals import unique_slug

from .models import OpportunityPage


def first_word(title):
    return next(iter(slugify(title).split("-")), "")


def possible_duplicate(closes_on, title, apply_url, exclude=None):
    """An opportunity (any language, live or waiting) closing the same day that may be this one."""
    same_day = OpportunityPage.objects.filter(closes_on=closes_on)
    if exclude is not None:
        same_day = same_day.exclude(pk=exclude.pk)
    word = first_word(title)
    same = Q(title__icontains=word) if len(word) >= 4 else Q(pk__in=[])
    if apply_url:
        same |= Q(apply_url=apply_url)
    return same_day.filter(same).order_by("-live", "pk").first()


@transaction.atomic
def propose_opportunity(board, user, skills=(), **fields):
    """A draft opportunity under `board`, sent for review; the page."""
    opportunity = OpportunityPage(
        live=False,
        owner=user,
        proposed_by=user,
        slug=unique_slug(board, fields["title"], fallback="opportunity"),
        **fields,
    )
    opportunity.skills = list(skills)
    opportunity.possible_duplicate = possible_duplicate(
        opportunity.closes_on, opportunity.title, opportunity.apply_url
    )
    board.add_child(instance=opportunity)
    opportunity.save_revision(user=user)
    workflow = opportunity.get_workflow()
    if workflow is not None:
        workflow.start(opportunity, user)
    return opportunity
