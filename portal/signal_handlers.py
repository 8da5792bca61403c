"""Drops the page cache when pages, sites, locales, images or documents change.

Content apps add their own snippets shown on pages (glossary terms, news tags) with
`page_cache.invalidate_when_changed` in their `ready()`.
"""

from django.db.models.signals import post_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache


def page_deleted(sender, instance, **kwargs):
    # Deleting a page sends post_delete once per model of its inheritance chain: any will do.
    if isinstance(instance, Page):
        page_cache.invalidate()


def register_signal_handlers():
    # Publishing covers new pages, edits and new translations (wagtail-localize publishes them).
    page_published.connect(page_cache.invalidate, dispatch_uid="page-cache-published")
    page_unpublished.connect(page_cache.invalidate, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(page_cache.invalidate, dispatch_uid="page-cache-moved")
    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-deleted")
    page_cache.invalidate_when_changed(Site, Locale, get_image_model(), get_document_model())
