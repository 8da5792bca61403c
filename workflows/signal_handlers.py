"""Gives the translators of a language their rights on each new home page of that language."""

from django.db.models.signals import post_save
from wagtail.models import Page

from .roles import grant_translators_their_language


def home_page_created(sender, instance, created, raw=False, **kwargs):
    # A page's save sends post_save once, for its specific class.
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_translators_their_language(instance)


def register_signal_handlers():
    post_save.connect(home_page_created, dispatch_uid="roles-translators-home-page")
