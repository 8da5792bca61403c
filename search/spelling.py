"""'Did you mean': a close spelling, from the words the portal itself uses.

A word is only ever replaced when neither the portal nor the language's dictionary knows it:
Belgian and Flemish words the portal doesn't use ('stempelen', 'encoder') are searched as typed,
never "corrected" into another word. The close words come from the portal's titles, summaries
and glossary, and from the language's dictionary where the portal's text holds the word: a
typo of a word only guides' text uses ('chômmage', 'unemploymet') finds it, rather than the
nearest title word ('comme', 'employment'). A compound the portal never writes is searched as its
two words where the portal holds both ('terugkrijgen': terug krijgen, as a guide says 'u krijgt
uw geld terug').
"""

import difflib
import re

from django.core.cache import cache
from rapidfuzz.distance import OSA
from wagtail.models import Page

from glossary.models import GlossaryTerm
from guides.models import GuidePage
from portal import page_cache
from portal.text import fold

from .dictionaries import knows, splits, suggestions

VOCABULARY_SECONDS = 600
MIN_WORD_LENGTH = 4
SIMILARITY = 0.75
# The dictionary is asked for at most this many words of a query (up to 170 ms each, the
# first time), and for each, whether the portal holds its first few suggestions.
DICTIONARY_WORDS = 2
SUGGESTIONS_CHECKED = 3
# A compound is at least two words of four letters. Each one looked at costs a look-up of it and
# of its parts: at most this many per query, and this many ways to split each.
COMPOUND_LENGTH = 8
COMPOUND_WORDS = 2
SPLITS_CHECKED = 2


def vocabulary(locale):
    """Words of titles, guide summaries and the glossary in `locale`, by their folded form."""
    # Under the page cache's generation, which moves on with every published change: a new
    # guide's words are suggested as soon as it is live.
    key = f"search-vocabulary-{page_cache.generation()}-{locale.language_code}"
    words = cache.get(key)
    if words is None:
        texts = list(Page.objects.live().filter(locale=locale).values_list("title", flat=True))
        # Summaries hold the everyday words titles leave out ('assurances' beside 'assuré').
        texts += GuidePage.objects.live().filter(locale=locale).values_list("summary", flat=True)
        for term in GlossaryTerm.objects.filter(locale=locale):
            texts += [term.term, *term.variant_list]
        words = {}
        for text in texts:
            for word in re.findall(r"\w+", text.lower()):
                if len(word) >= MIN_WORD_LENGTH:
                    words.setdefault(fold(word), word)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def suggest_spelling(query, locale, portal_holds=None):
    """The query with misspelt words replaced by close words of the portal, or None.

    `portal_holds(word)`: whether the portal's searchable text in `locale` holds `word`. Given,
    the language's dictionary's suggestions it holds are close words too.
    """
    words = vocabulary(locale)
    corrected = []
    changed = False
    dictionary_words = DICTIONARY_WORDS if portal_holds is not None else 0
    compound_words = COMPOUND_WORDS if portal_holds is not None else 0
    for word in re.findall(r"\w+", query.lower()):
        folded = fold(word)
        if len(word) < MIN_WORD_LENGTH or folded in words or not word.isalpha():
            corrected.append(word)
            continue
        known = knows(word, locale.language_code)
        if known and not (compound_words and len(word) >= COMPOUND_LENGTH):
            corrected.append(word)
            continue
        close = [] if known else difflib.get_close_matches(folded, words, n=1, cutoff=SIMILARITY)
        best = words[close[0]] if close else None
        if dictionary_words and not known:
            dictionary_words -= 1
            held = dictionary_word(word, locale.language_code, portal_holds)
            # The fewer slips away wins ('form' for 'fomr', not 'from'). As few slips away, the
            # dictionary's word if the portal writes it too: the dictionary ranks its words by
            # the slips people make ('contarct': contract, not contact), but a form of a word the
            # portal holds only by its stem is none the portal writes ('formulais').
            if held and (
                best is None
                or (slips(word, held), fold(held) not in words) <= (slips(word, best), False)
            ):
                best = held
        if best is None and compound_words and len(word) >= COMPOUND_LENGTH:
            # A real word, or a typo with no close word: perhaps a compound of words the
            # portal writes apart. Only a word the dictionary splits costs a look-up.
            candidates = splits(word, locale.language_code)[:SPLITS_CHECKED]
            compound_words -= bool(candidates)
            best = held_parts(word, candidates, portal_holds)
        if best:
            corrected.append(best)
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def dictionary_word(word, language, portal_holds):
    """The likeliest of the dictionary's close words for `word` that the portal holds, or None."""
    for suggestion in suggestions(word, language)[:SUGGESTIONS_CHECKED]:
        if similarity(word, suggestion) >= SIMILARITY and portal_holds(suggestion.lower()):
            return suggestion.lower()
    return None


def held_parts(word, candidates, portal_holds):
    """`word` as the first of its `candidates` (two words each, the dictionary's ways to split
    it) whose words the portal holds ('terug krijgen'), if the portal never writes it whole;
    else None."""
    if not candidates or portal_holds(word):
        return None
    for head, tail in candidates:
        if portal_holds(head.lower()) and portal_holds(tail.lower()):
            return f"{head.lower()} {tail.lower()}"
    return None


def slips(word, other):
    """How many letters typed wrong, left out, added or swapped with the next turn `word` into
    `other`: a swap is one slip, as a member makes it."""
    return OSA.distance(fold(word), fold(other))


def similarity(word, other):
    return difflib.SequenceMatcher(None, fold(word), fold(other)).ratio()
