"""Keeps the glossary links in guides in step with the glossary."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from portal import page_cache

from . import glossary
from .models import FAQQuestion, FAQTheme, GlossaryPage, GlossaryTerm


def glossary_changed(sender, **kwargs):
    glossary.invalidate()


def register_signal_handlers():
    post_save.connect(glossary_changed, sender=GlossaryTerm)
    post_delete.connect(glossary_changed, sender=GlossaryTerm)
    page_published.connect(glossary_changed, sender=GlossaryPage)
    page_unpublished.connect(glossary_changed, sender=GlossaryPage)
    # Terms are shown on the glossary page and linked from every guide.
    page_cache.invalidate_when_changed(GlossaryTerm)
    # Questions are shown on the FAQ page and linked from guides.
    page_cache.invalidate_when_changed(FAQQuestion, FAQTheme)
