"""Every glossary term of the demo site, in every language, answers to the acronym of its name
where that acronym is the term's alone, and to the acronym of a translation's name where no term
of the language has those initials; no other acronym of a name names anything.

The rule is checked over the whole glossary, not a hand list: for each term, the initials of its
name and of its translations' names (every word, or the words longer than three letters) typed
in capitals. Whether the portal writes an acronym is read from the search index's entries,
apart from the search, analysed as the language analyses words.
"""

import re

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from glossary.models import GlossaryTerm
from glossary.synonyms import translations_of, with_borrowed_abbreviations, wordings
from portal.text import fold
from search.backends.postgres import config_for_language
from search.service import PortalSearch
from tests.pages import LANGUAGES
from tests.search.relevance import search_request

pytestmark = [
    pytest.mark.demo_site,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="word boundaries in PostgreSQL's regex"
    ),
]


def name_initials(name):
    if any(len(word) > 1 and word.isupper() for word in re.findall(r"\w+", name)):
        return set()  # ONSS/RSZ: a name of abbreviations.
    words = re.findall(r"\w+", fold(name))
    if len(words) < 2:
        return set()
    every = "".join(word[0] for word in words)
    main = "".join(word[0] for word in words if len(word) > 3)
    return {initials for initials in (every, main) if len(initials) >= 2}


def written_on_portal(locale, acronym):
    """Whether an index entry of the language holds the acronym as the language's analysis
    reads words (Dutch reads 'MED' as the stem of 'mede'); a stop word ('CE', 'AT') is in
    every text."""
    config = config_for_language(locale.language_code)
    # The entries' language is a column of the search's own (migration search/0007), not a field.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(plainto_tsquery(%s::regconfig, %s)) = 0 OR EXISTS (SELECT 1 FROM"  # noqa: S608
            f" {IndexEntry._meta.db_table} WHERE locale_id = %s"
            " AND title || body @@ plainto_tsquery(%s::regconfig, %s))",
            [config, acronym, locale.pk, config, acronym],
        )
        return cursor.fetchone()[0]


def defined_by_search(language, query):
    with translation.override(language):
        outcome = PortalSearch(search_request(language, query), query, language).run()
    return {term.pk for term in outcome.defined_terms}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_terms_own_acronym_names_it_and_no_other(language):
    locale = Locale.objects.get(language_code=language)
    terms = list(GlossaryTerm.objects.filter(locale=locale))
    owners = {}
    for term in terms:
        for initials in name_initials(term.term):
            owners.setdefault(initials, set()).add(term.pk)
    translations = translations_of(terms)
    # Initials of a translation's name, where no name of the language has them.
    borrowers = {}
    for term in terms:
        for translation_name, _variants in translations.get(term.translation_key, []):
            for initials in name_initials(translation_name) - owners.keys():
                borrowers.setdefault(initials, set()).add(term.pk)
    # Each term's wordings, with the abbreviations it borrows from its translations (AV, ONSS).
    term_wordings = {
        term.pk: {fold(form) for form in wordings(term)}
        for term in with_borrowed_abbreviations(terms, translations)
    }
    listed = set().union(*term_wordings.values())

    named = 0
    named_from_translations = 0
    for initials, holders in sorted({**borrowers, **owners}.items()):
        acronym = initials.upper()
        # Terms that answer to it anyway: those listing it, or borrowing it from a translation.
        by_wording = {pk for pk, forms in term_wordings.items() if initials in forms}
        by_initials = defined_by_search(language, acronym) - by_wording
        if len(holders) == 1 and initials not in listed and not written_on_portal(locale, acronym):
            assert by_initials == holders, f"{acronym} does not name its term"
            named += 1
            named_from_translations += initials not in owners
        else:
            # Two terms' initials, a term's listed wording, or a word the portal writes.
            assert by_initials == set(), f"{acronym} names a term by a guess"

    # The demo's glossary has multi-word names in every language: the rule is exercised, both
    # for names of the language and for its translations'.
    assert named - named_from_translations >= 5
    assert named_from_translations >= 5
