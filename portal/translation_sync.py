"""Publish and sync: push a source page's or snippet's changes into every translation at once.

wagtail-localize keeps each translated segment against the source text it translates. Syncing
re-reads the source, so unchanged segments keep their translations and changed ones become
segments to translate. A translation with every segment translated is rebuilt and published; one
with segments left to translate is left as it is live, and its translator publishes it from the
editor once done (wagtail-localize's own draft save would write the untranslated French text
into the live page). A translation that a translator converted to manual editing is left alone:
syncing would overwrite their edits.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail_localize.models import TranslationSource


@dataclass
class SyncReport:
    published: list = field(default_factory=list)
    # (locale, segments left to translate)
    waiting: list = field(default_factory=list)
    edited_by_hand: list = field(default_factory=list)
    # Translations whose rebuilt page or snippet didn't validate (a slug taken, a field too long).
    failed: list = field(default_factory=list)


@transaction.atomic
def sync_translations(instance, user=None):
    """Update the translation source of `instance` and every translation made from it."""
    report = SyncReport()
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for translation in source.translations.select_related("target_locale").order_by("pk"):
        locale = translation.target_locale
        if not translation.enabled:
            report.edited_by_hand.append(locale)
            continue
        total, translated = translation.get_progress()
        if translated == total:
            try:
                with transaction.atomic():
                    translation.save_target(user=user, publish=True)
            except ValidationError:
                report.failed.append(locale)
            else:
                report.published.append(locale)
            continue
        report.waiting.append((locale, total - translated))
    return report


def source_with_translations(instance):
    """The translation source of `instance` when it has translations to sync, else None."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None or not source.translations.exists():
        return None
    return source
