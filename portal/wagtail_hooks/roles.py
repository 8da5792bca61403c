"""Admin hooks for roles and moderation (docs/roles.md).

- Translators translate only into their own languages: wagtail-localize's "Translate" forms
  offer only those.
- Guides (settings.MODERATED_PAGE_TYPES) are published by a moderator's approval, in every
  language: only moderators and administrators may publish them directly.
- A translator submits a translation made in wagtail-localize's editor, which has no workflow
  button of its own, for review by a moderator or a second translator.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput, ListingButton
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from portal.roles import MODERATORS, locales_of


# --- Translators translate into their own languages only ------------------------------------------
class OwnLanguagesMixin:
    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=locales_of(self.request.user))
        return form


class SubmitPageTranslationInOwnLanguagesView(OwnLanguagesMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationInOwnLanguagesView(OwnLanguagesMixin, SubmitSnippetTranslationView):
    pass


# --- Guides go through moderation -----------------------------------------------------------------
def is_moderated(page):
    return page.specific_class._meta.label in settings.MODERATED_PAGE_TYPES


def publishes_directly(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def is_publish_request(request):
    # Wagtail's editor posts "action-publish"; wagtail-localize's editor posts action=publish.
    return request.method == "POST" and (
        "action-publish" in request.POST or request.POST.get("action") == "publish"
    )


def refuse_publishing():
    return HttpResponseForbidden(
        _("Guides are published by a moderator: submit your changes for moderation.")
    )


@hooks.register("before_edit_page")
def publish_guides_through_moderation(request, page):
    if is_publish_request(request) and is_moderated(page) and not publishes_directly(request.user):
        return refuse_publishing()
    return None


@hooks.register("before_create_page")
def publish_new_guides_through_moderation(request, parent_page, page_class):
    if (
        is_publish_request(request)
        and page_class._meta.label in settings.MODERATED_PAGE_TYPES
        and not publishes_directly(request.user)
    ):
        return refuse_publishing()
    return None


@hooks.register("before_bulk_action")
def bulk_publish_guides_through_moderation(request, action_type, objects, action_class_instance):
    if action_type != "publish" or publishes_directly(request.user):
        return None
    if any(isinstance(item, Page) and is_moderated(item) for item in objects):
        return refuse_publishing()
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_on_guides(menu_items, request, context):
    # The editor's page is always of its specific type, saved or not yet.
    page = context.get("page")
    if page is None or type(page)._meta.label not in settings.MODERATED_PAGE_TYPES:
        return
    if not publishes_directly(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


# --- A translation made in wagtail-localize's editor goes to review -------------------------------
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

    template_name = "portal/admin/submit_translation_for_review.html"
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
        # A draft revision only: wagtail-localize's own save_target writes the page record,
        # which is what members see, even when it does not publish.
        draft = self.translation.source.get_ephemeral_translated_instance(
            self.page.locale, fallback=True
        )
        # Approval publishes the revision then, or schedules it when go-live is still ahead.
        draft.go_live_at = form.cleaned_data["go_live_at"]
        draft.expire_at = form.cleaned_data["expire_at"]
        draft.save_revision(user=self.request.user)
        self.page.refresh_from_db()
        self.page.get_workflow().start(self.page, self.request.user)
        messages.success(
            self.request,
            _("'%(title)s' has been submitted for review.") % {"title": self.page.title},
        )
        return redirect("wagtailadmin_explore", self.page.get_parent().pk)


def review_buttons(page, user, view_name=None, next_url=None):
    if translation_of(page) is not None and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Submit the translation for review"),
            reverse("portal_submit_translation_for_review", args=[page.pk]),
            priority=65,
            icon_name="resubmit",
        )


hooks.register("register_page_listing_more_buttons", review_buttons)
hooks.register("register_page_header_buttons", review_buttons)


# Before wagtail-localize's own URLs, so its "Translate" forms are these.
@hooks.register("register_admin_urls", order=-1)
def register_roles_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageTranslationInOwnLanguagesView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationInOwnLanguagesView.as_view(),
        ),
        path(
            "translation-review/<int:page_id>/",
            SubmitTranslationForReviewView.as_view(),
            name="portal_submit_translation_for_review",
        ),
    ]
