from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page of each language and the mission statement."""

    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guides.models import Level
        from portal import page_cache

        from .path_preference import COOKIE_NAME

        # The home page puts the member's chosen path first.
        page_cache.vary_on_cookie(COOKIE_NAME, Level.values)
