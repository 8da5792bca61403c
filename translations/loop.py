"""Admin hooks for the translation loop: publish a source page and sync its translations in one
action, and save a source snippet and sync its translations in one action.

Syncing never publishes an unreviewed translation (translations/sync.py): translated pages
nobody reviewed become drafts in the review workflow. A source change approved in review is
synced by portal/signal_handlers.py.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from translations.sync import source_with_translations, sync_translations
from translations.sync_messages import report_sync

PUBLISH_AND_SYNC = "publish-and-sync-translations"
SAVE_AND_SYNC = "action-save-and-sync-translations"


def can_sync(user):
    return user.has_perm("wagtail_localize.submit_translation")


class PublishAndSyncMenuItem(PageActionMenuItem):
    label = gettext_lazy("Publish and sync translations")
    # Its own name, so hiding Publish does not hide it; its button still posts action-publish.
    name = PUBLISH_AND_SYNC
    icon_name = "resubmit"
    template_name = "translations/admin/publish_and_sync_button.html"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        request = context["request"]
        if not can_sync(request.user):
            return False
        # A guide's tester allows publishing to moderators only: others submit it for review,
        # and its approval syncs the translations.
        if not self.get_user_page_permissions_tester(context).can_publish():
            return False
        return source_with_translations(context["page"]) is not None

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["value"] = PUBLISH_AND_SYNC
        return context


def register_publish_and_sync_menu_item():
    return PublishAndSyncMenuItem(order=15)


def sync_after_publishing(request, page):
    if request.POST.get("action-publish") != PUBLISH_AND_SYNC or not can_sync(request.user):
        return None
    # The page as just published, not the form's copy of it.
    published = Page.objects.get(pk=page.pk).specific
    if source_with_translations(published) is None:
        return None
    report_sync(request, sync_translations(published, request.user))
    return None


class SaveAndSyncSnippetMenuItem(SnippetActionMenuItem):
    label = gettext_lazy("Save and sync translations")
    name = SAVE_AND_SYNC
    icon_name = "resubmit"

    def is_shown(self, context):
        if context["view"] != "edit" or not issubclass(context["model"], TranslatableMixin):
            return False
        if context.get("locked_for_user") or not can_sync(context["request"].user):
            return False
        return source_with_translations(context["instance"]) is not None


def register_save_and_sync_menu_item(model):
    return SaveAndSyncSnippetMenuItem(order=15)


def sync_after_saving_snippet(request, instance):
    if SAVE_AND_SYNC not in request.POST or not can_sync(request.user):
        return None
    if not isinstance(instance, TranslatableMixin) or source_with_translations(instance) is None:
        return None
    report_sync(request, sync_translations(instance, request.user))
    return None


# Before wagtail-localize's own URLs, so its "Sync translated pages" view is this one.
