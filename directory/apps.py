from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Members find each other: opt-in profiles, trades and skills, the contact relay."""

    name = "directory"
    verbose_name = _("Member directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
