from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    """The three member paths, their step-by-step guides and the glossary."""

    name = "guides"
    verbose_name = _("Guides")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import page_cache

        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        # Guides and the FAQ thank the member after a vote (`?feedback=thanks`).
        page_cache.vary_on_parameter("feedback")
