"""Admin hooks that keep a translator's work safe in wagtail-localize's editor (docs/roles.md).

- "Convert to alias page" asks first, saying what is lost; only someone who may publish the page
  directly may do it, as it changes what members read.
- "Stop synced translation" asks first, and keeps the translator's text as a draft of the page.
- "Start synced translation" lists the hand edits sync would overwrite, and keeps them.
- In the translation editor the main button publishes or submits for review, never one of these
  (portal/templates/wagtail_localize/admin/edit_translation.html).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert

from translations.drafts import can_hold_draft, error_messages, save_translation_draft
from translations.hand_edits import hand_edits, keep_hand_edits
from workflows.permissions import is_moderated, may_change_translation, publishes_directly

CONVERT_TO_ALIAS = "localize-convert-to-alias"
RESTART_TRANSLATION = "localize-restart-translation"


def may_convert_to_alias(user, page):
    """Converting replaces what members read: for those who may publish the page directly."""
    if not page.permissions_for_user(user).can_publish():
        return False
    return not is_moderated(page) or publishes_directly(user)


def refuse(reason):
    # A 403 of its own: Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    return HttpResponseForbidden(reason)


def confirmed(request):
    # wagtail-localize's editor posts straight to these views; only our own forms say "yes".
    return request.POST.get("confirm") == "yes"


class ConfirmationView(WagtailAdminTemplateMixin, TemplateView):
    """A page that says what an action does and asks before doing it."""

    def post(self, request, *args, **kwargs):
        if not confirmed(request):
            return self.get(request, *args, **kwargs)
        return self.act()


# --- Convert to alias ------------------------------------------------------------------------
class ConvertToAliasView(ConfirmationView):
    """Asks before replacing a translation with its source page; wagtail-localize does it."""

    template_name = "translations/admin/confirm_convert_to_alias.html"
    page_title = gettext_lazy("Replace the translation with the original page")

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id, alias_of_id__isnull=True).specific
        source = TranslationSource.objects.filter(
            object_id=self.page.translation_key,
            specific_content_type=self.page.content_type_id,
            translations__target_locale=self.page.locale_id,
        ).first()
        if source is None or source.locale_id == self.page.locale_id:
            raise Http404
        if not may_convert_to_alias(request.user, self.page):
            return refuse(_("Only someone who may publish this page may replace it this way."))
        self.source_page = source.get_source_instance()
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            source_page=self.source_page,
            next=get_valid_next_url_from_request(self.request),
            **kwargs,
        )

    def act(self):
        return convert.convert_to_alias(self.request, self.page.pk)


# --- Stop and restart sync -------------------------------------------------------------------
class TranslationConfirmationView(ConfirmationView):
    """A confirmation about a translation the user may change; 404 for an unknown one."""

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), pk=translation_id
        )
        if not may_change_translation(request.user, self.translation):
            return refuse(_("You may not change this translation."))
        self.target = self.translation.get_target_instance()
        return super().dispatch(request, translation_id)

    def get_page_subtitle(self):
        return str(self.target)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            translation=self.translation,
            target=self.target,
            target_language=self.translation.target_locale.get_display_name(),
            source_language=self.translation.source.locale.get_display_name(),
            edit_url=self.translation.get_target_instance_edit_url(),
            **kwargs,
        )

    def back_to_editor(self):
        return redirect(self.translation.get_target_instance_edit_url())


class StopTranslationView(TranslationConfirmationView):
    """Stops sync after saying what it means, keeping the translator's text as a draft."""

    template_name = "translations/admin/confirm_stop_translation.html"
    page_title = gettext_lazy("Stop the synced translation")

    def get(self, request, *args, **kwargs):
        if not self.translation.enabled:
            messages.info(request, _("This translation is not synced any more."))
            return self.back_to_editor()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(keeps_draft=can_hold_draft(self.target), **kwargs)

    def act(self):
        if not self.translation.enabled:
            return self.back_to_editor()
        try:
            with transaction.atomic():
                if can_hold_draft(self.target):
                    save_translation_draft(self.translation, self.request.user)
                self.translation.enabled = False
                self.translation.save(update_fields=["enabled"])
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(errors=error_messages(self.target, error))
            )
        if can_hold_draft(self.target):
            messages.success(
                self.request,
                _(
                    "The synced translation is stopped. Your translation is saved as a draft: "
                    "members still see the published version until it is published."
                ),
            )
        else:
            messages.success(self.request, _("The synced translation is stopped."))
        return self.back_to_editor()


class RestartTranslationView(TranslationConfirmationView):
    """Lists the hand edits a restart of sync would overwrite, then restarts keeping them."""

    template_name = "translations/admin/confirm_restart_translation.html"
    page_title = gettext_lazy("Start the synced translation again")

    def get(self, request, *args, **kwargs):
        if self.translation.enabled:
            return self.back_to_editor()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(edits=hand_edits(self.translation), **kwargs)

    def act(self):
        if self.translation.enabled:
            return self.back_to_editor()
        with transaction.atomic():
            edits = hand_edits(self.translation)
            keep_hand_edits(self.translation, edits, self.request.user)
            self.translation.enabled = True
            self.translation.save(update_fields=["enabled"])
        messages.success(
            self.request,
            _("The synced translation has started again. Your edits are kept as its text."),
        )
        return self.back_to_editor()


def disabled_translation_of(instance):
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=False,
    ).first()


def ask_before_restarting(request, instance):
    # Before wagtail-localize's own hook, which restarts on this same button at once.
    if request.method != "POST" or RESTART_TRANSLATION not in request.POST:
        return None
    translation = disabled_translation_of(instance)
    if translation is None:
        return None
    return redirect("translations:restart", translation.pk)


def ask_before_restarting_page_translation(request, page):
    return ask_before_restarting(request, page)


def ask_before_restarting_snippet_translation(request, instance):
    if not isinstance(instance, TranslatableMixin):
        return None
    return ask_before_restarting(request, instance)


# --- The page editor's action menu -----------------------------------------------------------
def keep_localize_actions_secondary(menu_items, request, context):
    page = context.get("page")
    if page is None:
        return
    if not may_convert_to_alias(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS]
    # The first item becomes the main button: never one that replaces or resyncs the text.
    risky = {CONVERT_TO_ALIAS, RESTART_TRANSLATION}
    menu_items.sort(key=lambda item: item.name in risky)


# Before wagtail-localize's own URLs, so these views answer at its addresses.
