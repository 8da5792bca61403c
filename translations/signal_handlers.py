"""Brings translations along when a source is approved, and keeps cached pages in step."""

from wagtail.signals import workflow_approved
from wagtail_localize.models import TranslationSource

from portal import page_cache

from .sync import sync_approved_source


def register_signal_handlers():
    # A sync refreshes the source without republishing its translations, yet their pages show
    # whether they are outdated.
    page_cache.invalidate_when_changed(TranslationSource)
    # Approving a change to a source page brings its translations along, into review.
    workflow_approved.connect(sync_approved_source, dispatch_uid="translations-sync-approved")
