from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The agenda: sessions, workshops, the general assembly and meet-ups, with registration."""

    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"
