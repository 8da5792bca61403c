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
# A compound is read as two words each at least this long: shorter ones split too many words
# into unrelated pieces ('bonnetje': bon netje).
PART_LENGTH = 4
# The letter Dutch puts between a compound's words (werkloosheid-s-uitkering).
LINKING_LETTER = "s"

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


def may_be_word(word, language):
    """Whether `word` may be a word of `language`: its dictionary knows it, or there is no
    dictionary to ask."""
    return dictionary(language) is None or knows(word, language)


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


def splits(word, language):
    """The ways `language`'s dictionary reads `word` as two words of its own, longest first word
    first ('terugkrijgen': terug krijgen; 'werkloosheidsuitkering': werkloosheid uitkering)."""
    found = []
    with _lock:
        checker = dictionary(language)
        if checker is None or len(word) > LONGEST_WORD:
            return []
        for position in range(len(word) - PART_LENGTH, PART_LENGTH - 1, -1):
            head, rest = word[:position], word[position:]
            tails = [rest]
            if rest.startswith(LINKING_LETTER) and len(rest) > PART_LENGTH:
                tails.append(rest[len(LINKING_LETTER) :])
            found += [(head, tail) for tail in tails if checker.spell(head) and checker.spell(tail)]
    return found
