"""Members' own opportunities: proposed from the public site, reviewed by moderators in the queue
they already use (workflows.member_submissions), published on the board once approved. One that
may repeat another (the same call proposed twice, or in two languages) is noted on it for the
moderator to check.
"""

from django.db import transaction
from django.db.models import Q

from workflows.member_submissions import submit_for_review, title_starts_alike, unique_slug

from .models import OpportunityPage


def possible_duplicate(closes_on, title, apply_url):
    """An opportunity (any language, live or waiting) closing the same day that may be this one."""
    same = title_starts_alike(title)
    if apply_url:
        same |= Q(apply_url=apply_url)
    return OpportunityPage.objects.filter(same, closes_on=closes_on).order_by("-live", "pk").first()


@transaction.atomic
def propose_opportunity(board, user, skills=(), **fields):
    """A draft opportunity under `board`, sent for review; the page."""
    opportunity = OpportunityPage(
        proposed_by=user,
        slug=unique_slug(board, fields["title"], fallback="opportunity"),
        **fields,
    )
    opportunity.skills = list(skills)
    opportunity.possible_duplicate = possible_duplicate(
        opportunity.closes_on, opportunity.title, opportunity.apply_url
    )
    return submit_for_review(board, opportunity, user)
