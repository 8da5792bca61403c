"""Admin hooks for reviewing translations (docs/roles.md).

A translator submits a translation made in wagtail-localize's editor, which has no workflow button
of its own, for review by a moderator or a second translator.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput, ListingButton
from wagtail.models import Page
from wagtail_localize.models import Translation

from translations.drafts import error_messages, save_translation_draft


def translation_of(page):
    """The enabled wagtail-localize translation whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .first()
    )


class ReviewScheduleForm(forms.Form):
    """Optional dates for the translation, as the page editor's "Set schedule" offers them."""

    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Go-live date/time"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("Leave empty to publish as soon as it is approved."),
    )
    expire_at = forms.DateTimeField(
        label=gettext_lazy("Expiry date/time"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("Leave empty to keep it online."),
    )

    def clean(self):
        cleaned = super().clean()
        go_live_at, expire_at = cleaned.get("go_live_at"), cleaned.get("expire_at")
        if expire_at and expire_at <= timezone.now():
            self.add_error("expire_at", _("Expiry date/time must be in the future."))
        if go_live_at and expire_at and expire_at <= go_live_at:
            self.add_error("expire_at", _("Expiry date/time must be after the go-live date/time."))
        return cleaned


class SubmitTranslationForReviewView(WagtailAdminTemplateMixin, FormView):
    """Saves the translation as a draft revision and starts the page's workflow for it."""

    template_name = "translations/admin/submit_translation_for_review.html"
    page_title = gettext_lazy("Submit the translation for review")
    form_class = ReviewScheduleForm

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.translation = translation_of(self.page)
        permissions = self.page.permissions_for_user(request.user)
        if self.translation is None or not permissions.can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)

    def post(self, request, page_id):
        if not self.page.permissions_for_user(request.user).can_submit_for_moderation():
            messages.error(request, _("This page is already under review, or it is locked."))
            return redirect("wagtailadmin_explore", self.page.get_parent().pk)
        return super().post(request, page_id)

    def form_valid(self, form):
        try:
            # Both or neither: a draft left without its review would wait unseen.
            with transaction.atomic():
                # Approval publishes the revision then, or schedules it when go-live is ahead.
                save_translation_draft(
                    self.translation,
                    self.request.user,
                    go_live_at=form.cleaned_data["go_live_at"],
                    expire_at=form.cleaned_data["expire_at"],
                )
                self.page.refresh_from_db()
                self.page.get_workflow().start(self.page, self.request.user)
        except ValidationError as error:
            form.add_error(
                None,
                _("The translation cannot be saved. Fix it in the translation editor first."),
            )
            for message in error_messages(self.page, error):
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("'%(title)s' has been submitted for review.") % {"title": self.page.title},
        )
        return redirect("wagtailadmin_explore", self.page.get_parent().pk)


def review_buttons(page, user, view_name=None, next_url=None):
    if translation_of(page) is not None and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Submit the translation for review"),
            reverse("translations:submit_for_review", args=[page.pk]),
            priority=65,
            icon_name="resubmit",
        )
