from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestConfig(AppConfig):
    """The weekly e-mail of new events and opportunities that members choose to receive."""

    name = "digest"
    verbose_name = _("Weekly e-mail")
    default_auto_field = "django.db.models.BigAutoField"
