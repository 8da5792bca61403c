"""Cached guides and FAQ pages are stored apart for the thank-you shown after a vote."""

from portal import page_cache


def register_signal_handlers():
    # Guides and the FAQ thank the member after a vote (`?feedback=thanks`).
    page_cache.vary_on_parameter("feedback")
