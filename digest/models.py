"""Who receives the weekly e-mail of new events and opportunities, and what it holds for them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.choices import CONTENT_LANGUAGES


def new_stop_token():
    return secrets.token_urlsafe(24)


class DigestSubscription(models.Model):
    """A member's choice to receive the weekly e-mail, for one office and some trades or skills.

    Office and skills are the pages and snippets of whatever language the member chose them in;
    the e-mail matches them to items of its own language by translation key. The token is the
    member's link to stop it without signing in.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_subscription",
        verbose_name=_("member"),
    )
    language = models.CharField(
        max_length=2, choices=CONTENT_LANGUAGES, verbose_name=_("language of the e-mail")
    )
    office = models.ForeignKey(
        "offices.OfficePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Empty: the events and opportunities of every office."),
    )
    skills = models.ManyToManyField(
        "directory.Skill",
        blank=True,
        related_name="+",
        verbose_name=_("trades and skills"),
        help_text=_("Empty: whatever the trade or skill."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_stop_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("subscribed on"))
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("weekly e-mail subscription")
        verbose_name_plural = _("weekly e-mail subscriptions")

    def __str__(self):
        return str(self.user)
