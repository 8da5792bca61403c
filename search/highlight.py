"""Short excerpts of a result's text with the searched words marked."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 220
# Words this short say little about a match: 'de', 'la', 'en', 'of'.
MIN_WORD_LENGTH = 3
STEM_LENGTH = 5


class Folding(dict):
    """Lower case without accents, one character to one: a cache `str.translate` fills."""

    def __missing__(self, codepoint):
        char = chr(codepoint)
        base = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in base if not unicodedata.combining(c)) or char
        self[codepoint] = base[0].lower()
        return self[codepoint]


FOLDING = Folding()


def fold(text):
    """Lower case without accents, keeping every character's position."""
    # str.translate runs in C: folding character by character in Python was most of the time
    # a broad search spent (see docs/benchmarks.md).
    return text.translate(FOLDING)


def query_stems(*queries):
    """Beginnings of the searched words, so 'formations' marks 'formation' too."""
    stems = set()
    for query in queries:
        for word in re.findall(r"\w+", fold(query or "")):
            if len(word) >= MIN_WORD_LENGTH:
                stems.add(word[:STEM_LENGTH])
    return sorted(stems, key=len, reverse=True)


def highlight(text, stems):
    """An escaped excerpt of `text` around the first searched word, each match in <mark>."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return ""
    folded = fold(text)
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*")
        if stems
        else None
    )
    first = pattern.search(folded) if pattern else None
    start = 0
    if first and first.start() > EXCERPT_LENGTH // 3:
        start = text.rfind(" ", 0, first.start() - EXCERPT_LENGTH // 4) + 1
    end = min(len(text), start + EXCERPT_LENGTH)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces = []
    position = start
    if pattern:
        for match in pattern.finditer(folded, start, end):
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
            position = match.end()
    pieces.append(escape(text[position:end]))
    excerpt = "".join(pieces)
    return mark_safe(("… " if start else "") + excerpt + (" …" if end < len(text) else ""))
