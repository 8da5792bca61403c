"""The languages' own dictionaries (hunspell), to tell a real word from a typo."""

import logging
import threading
from pathlib import Path

import hunspell
from django.conf import settings

logger = logging.getLogger(__name__)

_dictionaries = {}
# Hunspell's C objects are not safe to share between threads.
_lock = threading.Lock()


def dictionary(language):
    """The hunspell dictionary of `language`, loaded once per process, or None if missing."""
    if language not in _dictionaries:
        name = settings.SPELLING_DICTIONARIES.get(language)
        base = Path(settings.SPELLING_DICTIONARY_DIR) / (name or "")
        if name and base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            _dictionaries[language] = hunspell.HunSpell(
                str(base.with_suffix(".dic")), str(base.with_suffix(".aff"))
            )
        else:
            logger.warning(
                "No %s dictionary at %s: spelling suggestions may replace real words.",
                language,
                base,
            )
            _dictionaries[language] = None
    return _dictionaries[language]


def knows(word, language):
    """Whether `language`'s dictionary holds `word` as typed, capitalised ('namur') or in
    capitals ('gsm')."""
    with _lock:
        checker = dictionary(language)
        if checker is None:
            return False
        return any(checker.spell(form) for form in {word, word.capitalize(), word.upper()})
