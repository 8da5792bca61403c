"""A machine translation of a member's 'about me', offered through the portal's translator.

The same service translates pages for the translators (DeepL or LibreTranslate, set up in
settings; translations/machine_translation.py). Its text is marked "machine-translated" until
the member says they checked it.
"""

import logging

import requests
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)


def is_available():
    return get_machine_translator() is not None


def translate_bio(text, source_language, target_language):
    """`text` in `target_language`, or None when no translator is set up or it failed."""
    translator = get_machine_translator()
    if translator is None or not text.strip():
        return None
    source = StringValue.from_plaintext(text)
    try:
        translated = translator.translate(
            Locale.objects.get(language_code=source_language),
            Locale.objects.get(language_code=target_language),
            [source],
        )
    except (requests.RequestException, KeyError, ValueError):
        # The outside service failed or answered nonsense: the member types the text instead.
        logger.exception("Machine translation of a member's bio failed")
        return None
    result = translated.get(source)
    return result.render_text() if result is not None else None
