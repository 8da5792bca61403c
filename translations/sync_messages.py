"""What a sync did, told to the person who asked for it, language by language."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def language_list(locales):
    return ", ".join(locale.get_display_name() for locale in locales)


def report_sync(request, report):
    if report.published:
        messages.success(
            request,
            _("Translations updated and published: %(languages)s.")
            % {"languages": language_list(report.published)},
        )
    if report.in_review:
        messages.success(
            request,
            _(
                "Translations updated and sent for review: %(languages)s. Readers see the "
                "current version until a reviewer approves."
            )
            % {"languages": language_list(report.in_review)},
        )
    if report.not_allowed:
        messages.warning(
            request,
            _(
                "Not updated, because you do not work in these languages or they are under "
                "review: %(languages)s. Their translators will see the change on the "
                "translation dashboard."
            )
            % {"languages": language_list(report.not_allowed)},
        )
    for locale, count in report.waiting:
        messages.warning(
            request,
            ngettext(
                "%(language)s: %(count)d segment to translate. The translation waits until "
                "it is done.",
                "%(language)s: %(count)d segments to translate. The translation waits until "
                "they are done.",
                count,
            )
            % {"language": locale.get_display_name(), "count": count},
        )
    if report.failed:
        messages.error(
            request,
            _(
                "Could not update these translations: %(languages)s. Open them in the "
                "translation editor to see what to fix."
            )
            % {"languages": language_list(report.failed)},
        )
    if report.edited_by_hand:
        messages.warning(
            request,
            _(
                "Not synced, because a translator edits them by hand: %(languages)s. Their "
                "edits are kept; restart the synced translation to bring in your changes."
            )
            % {"languages": language_list(report.edited_by_hand)},
        )
