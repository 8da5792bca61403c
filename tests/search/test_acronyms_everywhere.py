"""Every glossary term of the demo site, in every language, answers to the acronym of its name
where that acronym is the term's alone, and no other acronym of a name names anything.

The rule is checked over the whole glossary, not a hand list: for each term, the initials of its
name (every word, or the words longer than three letters) typed in capitals. Whether the portal
writes an acronym is read from the search index's own text, apart from the search.
"""

import re

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from glossary.models import GlossaryTerm
from glossary.synonyms import with_borrowed_abbreviations, wordings
from portal.text import fold
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
    # The entries' language is a column of the search's own (migration search/0007), not a field.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT EXISTS (SELECT 1 FROM {IndexEntry._meta.db_table} WHERE locale_id = %s"  # noqa: S608
            " AND (title_text ~* %s OR body_text ~* %s))",
            [locale.pk, rf"\m{acronym}\M", rf"\m{acronym}\M"],
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
    listed = {fold(form) for term in terms for form in [term.term, *term.variant_list]}

    named = 0
    for initials, holders in sorted(owners.items()):
        acronym = initials.upper()
        # Terms that answer to it anyway: those listing it, or borrowing it from a translation.
        by_wording = {
            term.pk
            for term in with_borrowed_abbreviations(terms)
            if initials in {fold(form) for form in wordings(term)}
        }
        by_initials = defined_by_search(language, acronym) - by_wording
        if len(holders) == 1 and initials not in listed and not written_on_portal(locale, acronym):
            assert by_initials == holders, f"{acronym} does not name its term"
            named += 1
        else:
            # Two terms' initials, a term's listed wording, or a word the portal writes.
            assert by_initials == set(), f"{acronym} names a term by a guess"

    # The demo's glossary has multi-word names in every language: the rule is exercised.
    assert named >= 5
