"""Keeps the glossary links in step with the glossary, and pages in the cache with both."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from portal import page_cache

from . import linking
from .models import GlossaryPage, GlossaryTerm


def glossary_changed(sender, **kwargs):
    # Now, so this request sees the change; and again once committed, so that no process keeps
    # an index another one rebuilt, in between, from the data before the commit.
    linking.invalidate()
    transaction.on_commit(linking.invalidate)


def register_signal_handlers():
    post_save.connect(glossary_changed, sender=GlossaryTerm)
    post_delete.connect(glossary_changed, sender=GlossaryTerm)
    page_published.connect(glossary_changed, sender=GlossaryPage)
    page_unpublished.connect(glossary_changed, sender=GlossaryPage)
    # Terms are shown on the glossary page and linked from every guide.
    page_cache.invalidate_when_changed(GlossaryTerm)
