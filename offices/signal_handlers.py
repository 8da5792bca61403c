"""When a service changes: drop the cached pages that show it (the contact page, offices and
booklets), and index again the pages whose search text holds it (offices/search_text.py)."""

from django.db.models.signals import post_delete, post_save
from modelsearch.index import insert_or_update_object

from portal import page_cache

from .models import ContactPage, OfficePage, Service


def index_pages_showing(instance, **kwargs):
    """Index again the contact page and the offices of the service's language. Every office:
    once a service is deleted, its links to offices are gone, and there are few offices."""
    for model in (ContactPage, OfficePage):
        for page in model.objects.filter(locale_id=instance.locale_id):
            insert_or_update_object(page)


def register_signal_handlers():
    page_cache.invalidate_when_changed(Service)
    post_save.connect(index_pages_showing, sender=Service)
    post_delete.connect(index_pages_showing, sender=Service)
