"""wagtail-localize's "Sync translated pages" view, under the review policy of translation_sync.

wagtail-localize's own view checks only the permission to translate, and its "Publish immediately"
publishes every translation, reviewed or not, in every language. This one, at the same address:
- is open only to someone who works in every language it rewrites and may publish the source
  page (for a guide, a moderator: a change approved in review syncs by itself) or change the
  source snippet;
- machine-translates only the translations the person may change;
- instead of publishing, applies the sync policy: publish what was reviewed and may be published
  by this person, send the other translated pages to review, leave the rest to their translators.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from translations.sync import sync_translations
from translations.sync_messages import report_sync
from workflows.permissions import may_change, may_change_translation
from workflows.roles import works_in


def may_sync(user, translation_source, source):
    """Whoever may publish the source page (moderators only, for a guide), or change the snippet,
    and works in every language it is translated into: a sync rewrites those languages."""
    targets = translation_source.translations.select_related("target_locale")
    if not all(works_in(user, translation.target_locale) for translation in targets):
        return False
    if isinstance(source, Page):
        source = source.specific_deferred
        return may_change(user, source) and source.permissions_for_user(user).can_publish()
    return may_change(user, source)


class SyncTranslationsForm(UpdateTranslationsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["publish_translations"]
        field.label = gettext_lazy("Update the translations now")
        field.help_text = gettext_lazy(
            "Translations whose every segment is translated are updated: published when "
            "you may publish them and a reviewer has seen every segment, otherwise sent for "
            "review as a draft. Readers keep the current version until then. Translations "
            "with segments left to translate wait for their translators."
        )


class SyncTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        source = self.get_object()
        try:
            self.source_instance = source.get_source_instance()
        except ObjectDoesNotExist:
            raise PermissionDenied from None
        if not may_sync(request.user, source, self.source_instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        if self.request.method == "POST":
            return SyncTranslationsForm(self.request.POST)
        return SyncTranslationsForm()

    @transaction.atomic
    def form_valid(self, form):
        user = self.request.user
        self.object.update_from_db()
        translations = self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in translations:
                if may_change_translation(user, translation):
                    apply_machine_translation(translation.id, user, machine_translator)
        if form.cleaned_data["publish_translations"]:
            report_sync(self.request, sync_translations(self.source_instance, user))
        self.components.save(
            self.object, sources_and_translations={self.object: list(translations)}
        )
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())
