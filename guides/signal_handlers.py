"""Keeps cached pages in step with the FAQ and with the member's chosen path."""

from portal import page_cache

from .models import FAQQuestion, FAQTheme, Level
from .path_preference import COOKIE_NAME


def register_signal_handlers():
    # Questions are shown on the FAQ page and linked from guides.
    page_cache.invalidate_when_changed(FAQQuestion, FAQTheme)
    # The home page puts the member's chosen path first.
    page_cache.vary_on_cookie(COOKIE_NAME, Level.values)
