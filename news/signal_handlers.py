"""Keeps cached news pages in step with their tags, per tag filter and page number."""

from portal import page_cache

from .models import NewsTag


def register_signal_handlers():
    # Tags are shown on news items, in listings and in their filter.
    page_cache.invalidate_when_changed(NewsTag)
    # The listing is filtered by tag and split into numbered pages.
    page_cache.vary_on_parameter("tag", "page")
