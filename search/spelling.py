"""'Did you mean': a close spelling, from the words the portal itself uses.

A word is only ever replaced when neither the portal nor the language's dictionary knows it:
Belgian and Flemish words the portal doesn't use ('stempelen', 'encoder') are searched as typed,
never "corrected" into another word.
"""

import difflib
import re

from django.core.cache import cache
from wagtail.models import Page

from glossary.models import GlossaryTerm
from guides.models import GuidePage
from portal import page_cache
from portal.text import fold

from .dictionaries import knows

VOCABULARY_SECONDS = 600
MIN_WORD_LENGTH = 4
SIMILARITY = 0.75


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


def suggest_spelling(query, locale):
    """The query with misspelt words replaced by close words of the portal, or None."""
    words = vocabulary(locale)
    corrected = []
    changed = False
    for word in re.findall(r"\w+", query.lower()):
        folded = fold(word)
        if len(word) < MIN_WORD_LENGTH or folded in words or not word.isalpha():
            corrected.append(word)
            continue
        if knows(word, locale.language_code):
            corrected.append(word)
            continue
        close = difflib.get_close_matches(folded, words.keys(), n=1, cutoff=SIMILARITY)
        if close:
            corrected.append(words[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
