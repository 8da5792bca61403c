from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search over the whole portal, in the reader's language."""

    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Locale

        from .portal_search import forget_locales

        # The search keeps the locales in memory: a new or deleted one must be seen.
        post_save.connect(forget_locales, sender=Locale)
        post_delete.connect(forget_locales, sender=Locale)
