"""Drops cached pages when a service changes: the contact page, offices and booklets show it."""

from portal import page_cache

from .models import Service


def register_signal_handlers():
    page_cache.invalidate_when_changed(Service)
