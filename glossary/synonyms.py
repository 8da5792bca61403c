"""The glossary as synonyms for search: which terms a query names, and every wording of each.

The search (search.query) and the Elasticsearch backend (its synonym filter) read the glossary
only through these functions.
"""

import re

from portal import content_memo
from portal.text import fold

from .models import GlossaryTerm
from .variants import is_abbreviation, variants_written_in

# An abbreviation as members type it: capitals and digits, two to six of them (AG, ONSS, A1).
ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
# An acronym as typed: two to six letters, at least two of them capitals (CA, RvB, BoD).
TYPED_ACRONYM = re.compile(r"(?<!\w)(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}(?!\w)")
# Words this short are left out of the acronym a name is also written as: 'CA' is conseil
# d'administration, its 'd' left out; 'RvB' keeps raad van bestuur's 'van'.
LINKING_WORD_LENGTH = 3
# Members type one acronym, two at most; each one spelled out costs the search a look-up, so a
# query stuffed with them is read for its first few.
MAX_ACRONYMS_SPELLED_OUT = 3


def terms_named_in(query, locale, request=None):
    """Terms of `locale` the query names, by their term, one of their variants or an
    abbreviation one of their translations uses."""
    folded_query = fold(query)
    if not folded_query:
        return []
    return [
        term
        for term, folded_forms in glossary_forms(request, locale)
        if any(names_folded(form, folded_query) for form in folded_forms)
        or any(names_abbreviation(form, query) for form in term.borrowed_abbreviations)
    ]


def glossary_forms(request, locale):
    """[(term, its term and variants folded)] of `locale`, kept until the glossary changes.

    Each term also carries `borrowed_abbreviations`: those its translations use that it
    doesn't (ONSS on the Dutch site, AV on the English one), as Brussels members mix them.
    """
    return content_memo.remember(
        request,
        ("glossary forms", locale.pk),
        lambda: [
            (term, [fold(form) for form in [term.term, *term.variant_list] if fold(form)])
            for term in with_translations_wordings(GlossaryTerm.objects.filter(locale=locale))
        ],
    )


def with_translations_wordings(terms):
    """`terms`, each given the abbreviations and acronyms its translations lend it, their
    translations read in one query."""
    terms = list(terms)
    translations = translations_of(terms)
    return with_acronyms(with_borrowed_abbreviations(terms, translations), translations)


def translations_of(terms):
    """{translation key: [(name, variants)] of each of `terms`' translations}."""
    found = {}
    for key, name, variants in (
        GlossaryTerm.objects.filter(translation_key__in=[term.translation_key for term in terms])
        .exclude(pk__in=[term.pk for term in terms])
        .values_list("translation_key", "term", "variants")
    ):
        found.setdefault(key, []).append((name, variants))
    return found


def terms_spelled_out(query, locale, request=None):
    """[(acronym, term)]: the acronyms typed in `query` that spell the initials of a term's name
    in `locale` (CA, conseil d'administration).

    The content writes such names out and the glossary may not list the acronym. Whether the
    portal writes the acronym itself, meaning something else, is the caller's to check.
    """
    typed = list(dict.fromkeys(TYPED_ACRONYM.findall(query)))[:MAX_ACRONYMS_SPELLED_OUT]
    if not typed:
        return []
    return [
        (acronym, term)
        for acronym in typed
        for term, _forms in glossary_forms(request, locale)
        if fold(acronym) in term.acronyms
    ]


def initialisms(name):
    """The acronyms a name of several words may be written as: the initials of all its words
    (RvB, BoD), and of its words longer than linking words (CA)."""
    if any(is_abbreviation(word) for word in re.findall(r"\w{2,}", name)):
        # A name made of abbreviations (ONSS/RSZ) is not written as their initials.
        return set()
    words = re.findall(r"\w+", fold(name))
    if len(words) < 2:
        return set()
    every_word = "".join(word[0] for word in words)
    main_words = "".join(word[0] for word in words if len(word) > LINKING_WORD_LENGTH)
    return {initials for initials in (every_word, main_words) if len(initials) >= 2}


def with_acronyms(terms, translations):
    """`terms`, each given `acronyms`: the initials of its name, or of a translation's name,
    that no other term of the language shares and that no term has as a wording. An acronym two
    terms share would be a guess between them, and one a term lists is that term's. A name in
    the language comes first: a translation's initials count only where no term of the language
    has them (`CA` on the Dutch site is coöperatief aandeel, not the French conseil
    d'administration, which is raad van bestuur there)."""
    terms = list(terms)
    wordings_taken = {fold(form) for term in terms for form in wordings(term)}
    own = {term.pk: initialisms(term.term) for term in terms}
    borrowed = {
        term.pk: set().union(
            *(initialisms(name) for name, _variants in translations.get(term.translation_key, []))
        )
        - own[term.pk]
        for term in terms
    }
    own_owners = owners_of(own)
    borrowed_owners = owners_of(borrowed)
    for term in terms:
        term.acronyms = {
            initials for initials in own[term.pk] if own_owners[initials] == {term.pk}
        } | {
            initials
            for initials in borrowed[term.pk]
            if initials not in own_owners and borrowed_owners[initials] == {term.pk}
        }
        term.acronyms -= wordings_taken
    return terms


def owners_of(initials_by_term):
    """{initials: the terms having them}, from {term's pk: its initials}."""
    owners = {}
    for pk, initials_of_term in initials_by_term.items():
        for initials in initials_of_term:
            owners.setdefault(initials, set()).add(pk)
    return owners


def with_borrowed_abbreviations(terms, translations):
    """`terms`, each given the abbreviations of its translations (`translations_of`) that it
    lacks."""
    for term in terms:
        own = {fold(form) for form in [term.term, *term.variant_list]}
        abbreviations = {
            variant
            for _name, variants in translations.get(term.translation_key, [])
            for variant in variants_written_in(variants)
            if ABBREVIATION.match(variant)
        }
        term.borrowed_abbreviations = sorted(
            form for form in abbreviations if fold(form) not in own
        )
    return terms


def wordings(term):
    """Every wording of a term: itself, its variants and any abbreviation it borrows."""
    return [term.term, *term.variant_list, *getattr(term, "borrowed_abbreviations", [])]


def names(form, folded_query):
    return bool(fold(form)) and names_folded(fold(form), folded_query)


def names_folded(folded_form, folded_query):
    return re.search(rf"(?<!\w){re.escape(folded_form)}(?!\w)", folded_query)


def names_abbreviation(abbreviation, query):
    """Whether `query` holds a borrowed abbreviation in capitals, as typed: in lower case it may
    be a word of the language ('do' in English is not the French DO)."""
    return re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", query)


def query_wordings(query, terms):
    """The query as typed, then with each glossary wording it names swapped for the others.

    'client not paying' also searches 'principal not paying': the other words stay required,
    so a synonym never drowns the rest of the question. An acronym spelling a term's initials
    ('RvB') is swapped for every wording of the term.
    """
    folded_query = fold(query)
    result = [query]
    typed_acronyms = TYPED_ACRONYM.findall(query)
    for term in terms:
        forms = wordings(term)
        borrowed = set(getattr(term, "borrowed_abbreviations", []))
        named_forms = [
            form
            for form in forms
            if (names_abbreviation(form, query) if form in borrowed else names(form, folded_query))
        ] + [
            acronym for acronym in typed_acronyms if fold(acronym) in getattr(term, "acronyms", ())
        ]
        for named_form in named_forms:
            pattern = rf"(?<!\w){re.escape(fold(named_form))}(?!\w)"
            for form in forms:
                if fold(form) != fold(named_form):
                    wording = re.sub(pattern, lambda _match, form=form: form, folded_query)
                    if wording not in result:
                        result.append(wording)
    return result
