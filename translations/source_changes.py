"""What becomes of a source page's translations when the source page is deleted or moved.

wagtail-localize removes its translation records with a deleted source and does nothing on a
move, so the Dutch and English pages of a deleted or moved French guide would stay where they
were, live, with nothing to follow. Wagtail's delete and move confirmations list them (through
`translations_made_from`) and ask: delete or move them along, or keep them, and the dashboard
lists what is kept as translations without a source.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation

from translations.status import COPIED_FOR_TRANSLATION

DELETE_ALONG, MOVE_ALONG, KEEP = "delete", "move", "keep"
CHOICE_FIELD = "translations"


@dataclass
class TranslationFate:
    """A translation of a page being deleted or moved, and whether the person may take it along."""

    page: Page
    allowed: bool
    # For a move: the translation of the new parent in the translation's language, if any.
    destination: Page | None = None

    @property
    def language(self):
        return self.page.locale.get_display_name()


def is_translation(page):
    """Whether `page` was made from a page of another language (then it is no one's source)."""
    made_for = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )
    copied = PageLogEntry.objects.filter(page_id=page.pk, action=COPIED_FOR_TRANSLATION)
    return made_for.exists() or copied.exists()


def translations_made_from(page):
    """The pages of other languages translated from `page`, aliases left out (they follow it)."""
    if is_translation(page):
        return []
    return list(
        Page.objects.filter(
            Q(translation_key=page.translation_key) & ~Q(locale_id=page.locale_id),
            alias_of__isnull=True,
        )
        .select_related("locale")
        .order_by("locale__language_code")
    )


def fates_on_delete(user, page):
    return [
        TranslationFate(translation, translation.permissions_for_user(user).can_delete())
        for translation in translations_made_from(page)
    ]


def fates_on_move(user, page, new_parent):
    fates = []
    for translation in translations_made_from(page):
        destination = new_parent.get_translation_or_none(translation.locale)
        allowed = destination is not None and (
            translation.permissions_for_user(user).can_move_to(destination)
        )
        fates.append(TranslationFate(translation, allowed, destination))
    return fates
