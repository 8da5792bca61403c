from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site in three languages and the command that loads it; no app code imports it."""

    name = "demo"
    verbose_name = _("Demo site")
    default_auto_field = "django.db.models.BigAutoField"
