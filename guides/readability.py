"""How easy a text is to read in its own language: pure text scoring, no database.

The guide model puts it together with the path's target and the glossary (`GuidePage.readability`).

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

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from pyphen import Pyphen


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
