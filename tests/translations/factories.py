"""Making translations in tests the way translators make them: through wagtail-localize.

`translate(page_or_snippet, "nl")` takes a translation source from the object, gives every
segment a translated string and has wagtail-localize build (and publish) the Dutch object, which
the admin then shows as a translation that can be synced. Translate parents before children and
snippets before the pages that point at them, as translators must.

`translate_into_all(instance)` makes the Dutch and English versions at once; `dutch_born_news`
builds a page whose source language is Dutch, for what differs when French is the target.
"""

from django.db import models
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from tests.news.factories import NewsIndexPageFactory, NewsPageFactory


def default_translation(text, language):
    """What a segment nobody gave a translation for becomes: visibly not the source text."""
    return f"{language.upper()}: {text}"


def keeps_source_text(instance, context_path):
    # A slug stays as it is, as translators usually leave it: the language prefix tells pages apart.
    field_name = context_path.split(".")[0]
    try:
        field = type(instance)._meta.get_field(field_name)
    except models.FieldDoesNotExist:
        return False
    return isinstance(field, models.SlugField)


def segment_data(text):
    """A translated string as wagtail-localize stores it: HTML, escaped unless it is markup."""
    return text if "<" in text else StringValue.from_plaintext(text).data


def translate(instance, language, strings=None, publish=True, user=None):
    """The translation of `instance` (a page or snippet) into `language`, made by wagtail-localize.

    `strings` maps source segment text (a title, one paragraph of rich text without its tags'
    attributes, a step's title) to its translation. Any other segment becomes
    `default_translation(text, language)` ("NL: Facturer un client"); slugs keep the source text.
    A string of `strings` that is no segment of `instance` is an error, to catch typos.

    A second call after the source changed updates the translation, as a sync does. The
    translation is published (`publish=False`: a draft for pages) as on commit in real use.
    """
    locale = (
        language if isinstance(language, Locale) else Locale.objects.get(language_code=language)
    )
    strings = dict(strings or {})
    # As a sync reads it: the object as saved, the source refreshed only if that changed. A
    # refresh without a change would still date the source anew, and make the translations
    # already published look behind it to readers (the outdated-translation notice).
    saved = type(instance)._default_manager.get(pk=instance.pk)
    source, _created = TranslationSource.update_or_create_from_instance(saved)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    unused = set(strings)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        plain_text = StringValue(text).render_text()
        if text in strings or plain_text in strings:
            key = text if text in strings else plain_text
            unused.discard(key)
            data = segment_data(strings[key])
        elif keeps_source_text(instance, segment.context.path):
            data = text
        else:
            data = default_translation(text, locale.language_code)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    if unused:
        raise ValueError(f"No segment of {instance!r} reads {sorted(unused)!r}")
    # wagtail-localize publishes the new revision once the transaction commits; a test's
    # transaction never does, so run what the commit would run now.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=publish)
    return translation.get_target_instance()


def translate_into_all(instance, strings=None, languages=("nl", "en"), publish=True, user=None):
    """`instance` and its translations into `languages`, by language: `{"fr": …, "nl": …}`.

    `strings` maps each language to the strings `translate` takes for it.
    """
    strings = strings or {}
    versions = {instance.locale.language_code: instance}
    for language in languages:
        versions[language] = translate(
            instance, language, strings=strings.get(language), publish=publish, user=user
        )
    return versions


def dutch_born_news(site_tree):
    """A live news item written in Dutch, which nobody translated yet: French is a target language.

    It sits in the Dutch translation of a French news index (made here), so its French
    translation has a French parent to go to.
    """
    french_index = NewsIndexPageFactory(parent=site_tree.home["fr"])
    dutch_index = translate(french_index, "nl", strings={"Actualités": "Nieuws"})
    return NewsPageFactory(
        parent=dutch_index,
        title="Een nieuw bericht",
        slug="een-nieuw-bericht",
        author="Het communicatieteam",
        summary="Een samenvatting van het bericht in één zin.",
        body=[{"type": "paragraph", "value": "<p>Alle details van het bericht.</p>"}],
    )
