"""The kinds of event and the states of a registration, shared by the pages, the feeds and the
registrations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    INFORMATION_SESSION = "information-session", _("Information session")
    WORKSHOP = "workshop", _("Workshop")
    GENERAL_ASSEMBLY = "general-assembly", _("General assembly")
    MEETUP = "meetup", _("Meet-up")
    MEMBER_EVENT = "member-event", _("Members' professional event")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
