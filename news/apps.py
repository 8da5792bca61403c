from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News about the cooperative's life, with tags and feeds per language."""

    name = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import page_cache

        from .models import NewsTag

        # Tags are shown on news items, in listings and in their filter.
        page_cache.invalidate_when_changed(NewsTag)
        # The listing is filtered by tag and split into numbered pages.
        page_cache.vary_on_parameter("tag", "page")
