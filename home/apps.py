from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page of each language, the mission statement, offices, contacts and booklets."""

    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guides.models import Level
        from portal import page_cache

        from .models import Service
        from .path_preference import COOKIE_NAME

        # The home page puts the member's chosen path first.
        page_cache.vary_on_cookie(COOKIE_NAME, Level.values)
        # Services show on the contact page, office pages and booklets.
        page_cache.invalidate_when_changed(Service)
