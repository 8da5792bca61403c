"""Drops the page cache when the menu or the footer changes: every page shows them."""

from portal import page_cache

from .models import SiteFooter, SiteNavigation


def register_signal_handlers():
    page_cache.invalidate_when_changed(SiteNavigation, SiteFooter)
