"""How easy a guide is to read in its own language, and which in-house words it uses.

Each language has the reading-ease formula made for it, all on the same 0–100 scale (higher is
easier), from words per sentence (W/S) and syllables per word (Sy/W):

- French, Kandel & Moles (1958): 207 − 1.015 × W/S − 73.6 × Sy/W
- Dutch, Douma (1960), the "Flesch–Douma": 206.835 − 0.93 × W/S − 77 × Sy/W
- English, Flesch (1948) reading ease: 206.835 − 1.015 × W/S − 84.6 × Sy/W

These are the constants textstat uses for fr, nl and en. Words and sentences are counted by
textstat; syllables by hyphenation with pyphen (textstat's own method for French and Dutch),
in English too, because textstat's English count downloads a dictionary at run time.
Targets per path are explained in docs/plain-language.md.
"""

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib import messages
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from pyphen import Pyphen
from wagtail.models import Page

from .glossary import glossary_index, normalise_match
from .models import GlossaryTerm, path_level


@dataclass(frozen=True)
class Formula:
    name: str
    base: float
    per_word_in_sentence: float
    per_syllable_in_word: float


FORMULAS = {
    "fr": Formula("Kandel–Moles", 207.0, 1.015, 73.6),
    "nl": Formula("Flesch–Douma", 206.835, 0.93, 77.0),
    "en": Formula("Flesch reading ease", 206.835, 1.015, 84.6),
}
# The lowest score a guide of each path should reach: newcomers first (see the docs).
TARGETS = {"facile": 70, "basic": 60, "expert": 50}
TERMINAL = re.compile(r"[.!?:;…]\s*$")
# Paragraphs, list items and headings of rich text end where these tags close.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>", re.IGNORECASE)


@dataclass(frozen=True)
class JargonWord:
    found: str
    term: str
    definition: str


@dataclass
class Readability:
    """The score of one text, with what a writer needs to act on it."""

    language: str
    formula: str
    score: float
    words: int
    sentences: int
    syllables: int
    level: str = ""
    target: int | None = None
    jargon: list = field(default_factory=list)

    @property
    def meets_target(self):
        return self.target is None or not self.words or self.score >= self.target

    @property
    def verdict(self):
        if not self.words:
            return _("Nothing to score yet: write the guide, then save a draft.")
        if self.target is None:
            return _("No target: this guide is not in a path yet.")
        if self.meets_target:
            return _("Easy enough for this path.")
        return _("Harder to read than this path asks. Try shorter sentences and shorter words.")


@lru_cache(maxsize=8)
def hyphenator(language):
    return Pyphen(lang=language)


def count_syllables(words, language):
    dictionary = hyphenator(language)
    return sum(len(dictionary.positions(word)) + 1 for word in words)


def score_text(text, language):
    """The reading ease of `text` (plain text) by the formula of `language`."""
    # textstat imports nltk, a second of start-up: only pay it when a score is asked for.
    import textstat  # noqa: PLC0415

    formula = FORMULAS[language]
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    syllables = count_syllables(
        [word.lower() for word in textstat.remove_punctuation(text).split()], language
    )
    if not words or not sentences:
        return Readability(language, formula.name, 0.0, 0, 0, 0)
    score = (
        formula.base
        - formula.per_word_in_sentence * words / sentences
        - formula.per_syllable_in_word * syllables / words
    )
    return Readability(language, formula.name, round(score, 1), words, sentences, syllables)


def sentence(text):
    """A title, a tip or a list item counts as a sentence of its own, even without a full stop."""
    text = " ".join(html.unescape(strip_tags(text)).split())
    return text if not text or TERMINAL.search(text) else f"{text}."


def guide_text(guide):
    """What a member reads in a guide: its title, summary and steps (titles, text and tips)."""
    parts = [guide.title, guide.summary]
    for block in guide.steps:
        parts.append(block.value["title"])
        parts.extend(BLOCK_END.split(block.value["body"].source))
        parts.append(block.value.get("tip", ""))
    return " ".join(filter(None, (sentence(part) for part in parts if part)))


def guide_level(guide, parent=None):
    """The level of the path a guide sits in, or "" (a new guide has no tree path yet)."""
    tree_path = guide.path or (parent.path + "0" * Page.steplen if parent else "")
    return path_level(None, tree_path)


def jargon_words(text, locale):
    """The glossary terms `text` uses, each once, with their plain definition."""
    index = glossary_index(locale)
    if index.pattern is None:
        return []
    found = {}
    for match in index.pattern.finditer(escape(text)):
        form = normalise_match(match.group(0))
        entry = index.entry_for(match.group(0)) or index.entry_for(form)
        if entry and entry.term not in found:
            found[entry.term] = form
    # The index keeps shortened definitions for tooltips; the editor gets them whole.
    definitions = dict(
        GlossaryTerm.objects.filter(
            locale_id=getattr(locale, "pk", locale), term__in=found
        ).values_list("term", "definition")
    )
    return [JargonWord(form, term, definitions.get(term, "")) for term, form in found.items()]


def guide_readability(guide, parent=None):
    """Score, target and jargon of a guide, in the guide's own language."""
    language = guide.locale.language_code if guide.locale_id else "fr"
    language = language if language in FORMULAS else "fr"
    text = guide_text(guide)
    result = score_text(text, language)
    result.level = guide_level(guide, parent)
    result.target = TARGETS.get(result.level)
    result.jargon = jargon_words(text, guide.locale_id) if guide.locale_id else []
    return result


# Only Smart Facile is for members who never used the cooperative: there, hard text stops them.
WARN_ON_PUBLISH = {"facile"}


def warn_if_below_target(request, guide):
    """After publishing: a warning message when a Facile guide reads harder than its target."""
    result = guide_readability(guide)
    if result.level in WARN_ON_PUBLISH and not result.meets_target:
        messages.warning(
            request,
            _(
                "Published, but this Smart Facile guide is hard to read: %(score)s where "
                "%(target)s or more is asked. See 'Plain language' in the editor."
            )
            % {"score": result.score, "target": result.target},
        )
