"""The languages' own dictionaries (hunspell), to tell a real word from a typo and say which
real words a typo may be."""

import hashlib
import logging
import re
import threading
from pathlib import Path

import hunspell
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# A dictionary's suggestions for a word change only with the dictionary: kept a week.
SUGGESTIONS_SECONDS = 7 * 24 * 60 * 60
# Hunspell takes up to 170 ms for a word it doesn't know; longer "words" are not words.
LONGEST_WORD = 25

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


def suggestions(word, language):
    """The real words `language`'s dictionary takes `word` for, likeliest first (single words
    only); [] for a word it knows or one too long to be a word."""
    if len(word) > LONGEST_WORD:
        return []
    key = f"spelling:suggestions:{language}:{hashlib.sha256(word.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        with _lock:
            checker = dictionary(language)
            found = [] if checker is None or checker.spell(word) else checker.suggest(word)
        found = [suggestion for suggestion in found if re.fullmatch(r"\w+", suggestion)]
        cache.set(key, found, SUGGESTIONS_SECONDS)
    return found
