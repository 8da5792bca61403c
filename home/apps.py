from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page of each language and the mission statement."""

    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"
