"""The search keeps the locales in memory: a new or deleted one must be seen."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

from .service import forget_locales


def register_signal_handlers():
    post_save.connect(forget_locales, sender=Locale)
    post_delete.connect(forget_locales, sender=Locale)
