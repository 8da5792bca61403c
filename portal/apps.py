from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The site as a whole: settings, shared blocks, base templates and site-wide helpers."""

    name = "portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
