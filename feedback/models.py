"""What members answer to 'Was this page helpful?'.

The model was first made in the guides app: it keeps its table (`db_table`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageFeedback(models.Model):
    """A member's answer to 'Was this page helpful?' on a guide or the FAQ. Nothing personal."""

    COMMENT_MAX_LENGTH = 500

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    language = models.CharField(
        max_length=5, choices=settings.LANGUAGES, verbose_name=_("language")
    )
    helpful = models.BooleanField(verbose_name=_("helpful"))
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True, verbose_name=_("comment"))
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("created at")
    )

    class Meta:
        db_table = "guides_pagefeedback"
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id} {self.language} {'+' if self.helpful else '-'}"
