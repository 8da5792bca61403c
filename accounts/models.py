"""The link between a member's account here and their identity at the cooperative's provider."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberAccount(models.Model):
    """A member's identity at the cooperative's provider (`sub`), the only key they sign in by.

    Never the e-mail address: an address can change hands or match a staff account, a `sub`
    cannot.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_account"
    )
    subject = models.CharField(
        verbose_name=_("identity at the provider"), max_length=255, unique=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("member account")
        verbose_name_plural = _("member accounts")

    def __str__(self):
        return self.subject
