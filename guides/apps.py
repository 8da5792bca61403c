from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    """The three member paths, their step-by-step guides, the FAQ and the member's chosen path."""

    name = "guides"
    verbose_name = _("Guides")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
