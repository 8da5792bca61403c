"""The kinds of opportunity and the languages a call can be written in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OpportunityKind(models.TextChoices):
    CALL_FOR_PROJECTS = "call-for-projects", _("Call for projects")
    GRANT = "grant", _("Grant")
    JOB = "job", _("Job")
    COLLABORATION = "collaboration", _("Collaboration")


class CallLanguage(models.TextChoices):
    """The language the call itself is written in, which may not be the page's: a Flemish
    fund's call is in Dutch, whatever the language it is presented in here."""

    FRENCH = "fr", _("French")
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
