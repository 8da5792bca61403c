from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Members sign in through the cooperative's identity provider; staff keep the admin login."""

    name = "accounts"
    verbose_name = _("Member accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401
