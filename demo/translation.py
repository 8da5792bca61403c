"""Turns parallel French/Dutch/English demo text into real wagtail-localize translations.

The demo content is written side by side in three languages. Rather than creating the Dutch and
English pages by hand, each is made the way a translator would: a translation source is taken
from the French object, every segment gets its translated string, and wagtail-localize builds and
publishes the target. The result appears as a translation in the admin and can be synced.
"""

from django.db import transaction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

from .sources import SOURCE_LANGUAGE, TARGET_LANGUAGES, translatable_text


class MissingSegmentTranslation(Exception):
    pass


def segment_strings(value):
    """The translatable strings wagtail-localize extracts from one text value, in order."""
    if not value:
        return []
    if value.lstrip().startswith("<"):
        return [string.data for string, _attrs in extract_strings(value)[1]]
    return [StringValue.from_plaintext(value).data]


def parallel_strings(source_values, target_values, strings=None):
    """Map each source-language segment string to its translation, pairing values by field."""
    strings = {} if strings is None else strings
    if isinstance(source_values, dict):
        for key, value in source_values.items():
            parallel_strings(value, (target_values or {}).get(key, ""), strings)
    elif isinstance(source_values, list):
        if len(source_values) != len(target_values or []):
            raise MissingSegmentTranslation(
                f"{len(source_values)} source items but {len(target_values or [])} translated "
                f"ones, from {source_values[:1]!r}"
            )
        for source, target in zip(source_values, target_values, strict=True):
            parallel_strings(source, target, strings)
    else:
        source_strings = segment_strings(source_values)
        target_strings = segment_strings(target_values)
        if target_strings and len(source_strings) != len(target_strings):
            raise MissingSegmentTranslation(
                f"{len(source_strings)} source segments but {len(target_strings)} translated "
                f"ones in {source_values!r}"
            )
        for position, source in enumerate(source_strings):
            strings[source] = target_strings[position] if target_strings else ""
    return strings


def translate_with_parallel_text(instance, target_locale, source_values, target_values, user=None):
    """Create and publish the translation of `instance` into `target_locale` from parallel text."""
    strings = parallel_strings(source_values, target_values)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        try:
            translated = strings[segment.string.data]
        except KeyError:
            raise MissingSegmentTranslation(
                f"No {target_locale.language_code} text for {segment.string.data!r} "
                f"({segment.context.path}) in {instance!r}"
            ) from None
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={
                "data": translated,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.save_target(user=user, publish=True)
    return translation.get_target_instance()


def source_page(builder, parent, model, translation_key, values, **fields):
    """The French page with this translation key, added under `parent` if there is none."""
    page = model.objects.filter(translation_key=translation_key, locale=parent.locale).first()
    if page is None:
        page = model(translation_key=translation_key, locale=parent.locale, **values, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        builder.created += 1
    return page


def translate_page(builder, page, item, to_values):
    """The Dutch and English translations of `page` that don't exist yet, from the parallel
    text, each in a transaction of its own (wagtail-localize publishes it on commit)."""
    source_text = translatable_text(to_values(item[SOURCE_LANGUAGE]))
    for language in TARGET_LANGUAGES:
        target_locale = builder.locales[language]
        if page.get_translation_or_none(target_locale) is not None:
            continue
        with transaction.atomic():
            translate_with_parallel_text(
                page, target_locale, source_text, translatable_text(to_values(item[language]))
            )
        builder.translated += 1
