from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    """The opportunities board: calls for projects, grants, jobs and collaborations."""

    name = "opportunities"
    verbose_name = _("Opportunities")
    default_auto_field = "django.db.models.BigAutoField"
