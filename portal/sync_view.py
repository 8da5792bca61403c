"""wagtail-localize's "Sync translated pages" view, under the review policy of translation_sync.

wagtail-localize's own view checks only the permission to translate, and its "Publish immediately"
publishes every translation, reviewed or not, in every language. This one, at the same address:
- is open only to someone who may change the source (its language, its page or snippet);
- machine-translates only the translations the person may change;
- instead of publishing, applies the sync policy: publish what was reviewed and may be published
  by this person, send the other translated pages to review, leave the rest to their translators.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from portal.permissions import may_change, may_change_translation
from portal.sync_messages import report_sync
from portal.translation_sync import sync_translations


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
        if not may_change(request.user, self.source_instance):
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
