"""Hooks the opportunities give the rest of the portal: closed calls leave the search and the
sitemap by themselves."""

from wagtail import hooks

from .closing import closed_opportunity_ids


@hooks.register("expired_page_ids")
def closed_opportunities():
    return closed_opportunity_ids()
