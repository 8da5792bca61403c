"""Hooks the opportunities give the rest of the portal: closed calls leave the search and the
sitemap by themselves."""

from wagtail import hooks

from .closing import today_in_brussels
from .models import OpportunityPage


@hooks.register("expired_page_ids")
def closed_opportunity_ids():
    """The live opportunities already closed."""
    return list(
        OpportunityPage.objects.live()
        .filter(closes_on__lt=today_in_brussels())
        .values_list("pk", flat=True)
    )
