"""Finds glossary terms in rendered guide text and links each to its plain-language definition.

Editors do nothing by hand: every term and variant recorded on a GlossaryTerm of the page's
language is linked, the first time it appears on the page, to its entry in that language's glossary.
The link carries the whole plain definition, which the page's script opens in place (a toggletip)
on click, tap, Enter or Space; without the script the link leads to the glossary entry.
"""

import re
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape

from .models import GlossaryPage, GlossaryTerm
from .variants import is_abbreviation

VERSION_CACHE_KEY = "glossary-index-version"
# Text inside these elements is never marked: links must not nest, headings stay clean.
SKIPPED_ELEMENTS = {
    "a",
    "abbr",
    "dfn",
    "button",
    "code",
    "pre",
    "script",
    "style",
    "textarea",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "label",
    "summary",
}
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
APOSTROPHE = "(?:'|\u2019|&#x27;|&#39;)"

_indexes = {}


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    url: str
    definition: str


@dataclass(frozen=True)
class GlossaryIndex:
    pattern: re.Pattern | None
    entries: dict  # matched form (case-folded unless an abbreviation) -> GlossaryEntry

    def entry_for(self, matched):
        return self.entries.get(matched) or self.entries.get(matched.casefold())


def invalidate():
    """Called when a term or a glossary page changes: every process rebuilds its index."""
    cache.set(VERSION_CACHE_KEY, uuid.uuid4().hex, None)


def current_version():
    """The version of the glossary in the shared cache, a random token.

    A random token rather than a counter: if the cache loses the key (a Redis restart), a new
    token is drawn, which no process has built an index for, so none keeps serving an old one.
    """
    version = cache.get(VERSION_CACHE_KEY)
    if version is None:
        cache.add(VERSION_CACHE_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_CACHE_KEY)
    return version


def form_pattern(form):
    escaped = re.escape(escape(form)).replace(re.escape(escape("'")), APOSTROPHE)
    escaped = escaped.replace(r"\ ", r"\s+")
    # Abbreviations match their exact case, so the English 'do' never becomes the jargon 'DO'.
    return escaped if is_abbreviation(form) else f"(?i:{escaped})"


def build_index(locale):
    glossary = GlossaryPage.objects.live().filter(locale=locale).first()
    if glossary is None:
        return GlossaryIndex(None, {})
    glossary_url = glossary.url
    entries = {}
    for term in GlossaryTerm.objects.filter(locale=locale):
        entry = GlossaryEntry(
            term=term.term,
            url=f"{glossary_url}#{term.anchor}",
            definition=term.definition,
        )
        for form in [term.term, *term.variant_list]:
            key = form if is_abbreviation(form) else form.casefold()
            entries.setdefault(escape(key), entry)
            entries.setdefault(key, entry)
    forms = sorted({form for form in entries}, key=len, reverse=True)
    if not forms:
        return GlossaryIndex(None, {})
    alternation = "|".join(form_pattern(form) for form in forms)
    pattern = re.compile(rf"(?<![\w&#-])(?:{alternation})(?![\w-])")
    return GlossaryIndex(pattern, entries)


def glossary_index(locale):
    """The compiled index of `locale` (a Locale or its id), rebuilt when the version moves on."""
    locale_id = getattr(locale, "pk", locale)
    version = current_version()
    key = (locale_id, version)
    if key not in _indexes:
        for stale in [known for known in _indexes if known[1] != version]:
            del _indexes[stale]
        _indexes[key] = build_index(locale_id)
    return _indexes[key]


def normalise_match(text):
    return (
        re.sub(r"\s+", " ", text)
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("\u2019", "'")
    )


def link_glossary_terms(html, locale, linked_terms=None):
    """Return `html` with the first occurrence of each glossary term linked to its definition.

    Pass the same `linked_terms` set for every part of one page, so a term is linked only once.
    """
    index = glossary_index(locale)
    if index.pattern is None:
        return html
    linked_terms = set() if linked_terms is None else linked_terms
    skip_depth = 0
    parts = TAG.split(html)
    for position, part in enumerate(parts):
        if position % 2:  # a tag
            match = TAG_NAME.match(part)
            if match and match.group(2).lower() in SKIPPED_ELEMENTS:
                if match.group(1):
                    skip_depth = max(skip_depth - 1, 0)
                elif not part.rstrip().endswith("/>"):
                    skip_depth += 1
            continue
        if skip_depth or not part.strip():
            continue
        parts[position] = index.pattern.sub(
            lambda found: mark(found.group(0), index, linked_terms), part
        )
    return "".join(parts)


def mark(found, index, linked_terms):
    entry = index.entry_for(found) or index.entry_for(normalise_match(found))
    if entry is None or entry.term in linked_terms:
        return found
    linked_terms.add(entry.term)
    label = found
    if is_abbreviation(normalise_match(found)):
        label = f'<abbr title="{escape(entry.term)}">{found}</abbr>'
    # No title attribute: a hover tooltip reaches mouse users only, and cut definitions short.
    # The definition is text of the page (hidden until the script opens it), so that the page's
    # typography applies to it as to the rest.
    return (
        f'<a class="glossary-term" href="{escape(entry.url)}" data-term="{escape(entry.term)}">'
        f"{label}</a>"
        f'<span class="glossary-term__definition" hidden>{escape(entry.definition)}</span>'
    )


@dataclass(frozen=True)
class TermUsed:
    """A glossary term found in a text: the form found, the entry and its whole definition."""

    found: str
    term: str
    definition: str


def terms_used_in(text, locale):
    """The glossary terms plain `text` uses, each once, with their plain definition."""
    index = glossary_index(locale)
    if index.pattern is None:
        return []
    found = {}
    for match in index.pattern.finditer(escape(text)):
        form = normalise_match(match.group(0))
        entry = index.entry_for(match.group(0)) or index.entry_for(form)
        if entry and entry.term not in found:
            found[entry.term] = form
    definitions = {entry.term: entry.definition for entry in index.entries.values()}
    return [TermUsed(form, term, definitions.get(term, "")) for term, form in found.items()]
