"""What a glossary term's variants are to a reader: abbreviations, other names, or mere forms.

Editors list every form a text may use (plurals, abbreviations, jargon spellings) so the linking
finds them all. Readers of the glossary need only the abbreviations, which get an entry of their
own, and the other names; a plural is no news to them.
"""

import os

from portal.text import fold


def variants_written_in(variants):
    """The wordings of a term's `variants` field: one a line, blank lines and spaces aside."""
    return [line.strip() for line in variants.splitlines() if line.strip()]


def is_abbreviation(form):
    """DA, ONSS, RSZ: short and in capitals (matched in their exact case)."""
    return len(form) <= 6 and form.isupper()


def _same_word(one, other):
    shorter = min(len(one), len(other))
    common = len(os.path.commonprefix([one, other]))
    # 'activité' / 'activités', 'contrat' / 'contrats', 'ouvrier' / 'ouvrière'
    return one == other or common >= max(shorter - 2, 3)


def is_form_of(variant, term):
    """True when `variant` is only a grammatical form of `term` (a plural, a feminine)."""
    variant_words, term_words = fold(variant).split(), fold(term).split()
    return len(variant_words) == len(term_words) and all(
        _same_word(left, right) for left, right in zip(variant_words, term_words, strict=True)
    )


def abbreviations(term, variants):
    return [variant for variant in variants if is_abbreviation(variant)]


def other_names(term, variants):
    """The variants worth showing a reader: no abbreviation, and no mere form of the term or of
    a name already shown ('conventions de prestation' after 'convention de prestation')."""
    shown = []
    for variant in variants:
        if is_abbreviation(variant) or any(is_form_of(variant, name) for name in [term, *shown]):
            continue
        shown.append(variant)
    return shown
