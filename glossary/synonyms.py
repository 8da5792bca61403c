"""The glossary as synonyms for search: which terms a query names, and every wording of each.

The search (search.query) and the Elasticsearch backend (its synonym filter) read the glossary
only through these functions.
"""

import re

from portal import content_memo
from portal.text import fold

from .models import GlossaryTerm


def terms_named_in(query, locale, request=None):
    """Terms of `locale` the query names, by their term or one of their variants."""
    folded_query = fold(query)
    if not folded_query:
        return []
    return [
        term
        for term, folded_forms in glossary_forms(request, locale)
        if any(names_folded(form, folded_query) for form in folded_forms)
    ]


def glossary_forms(request, locale):
    """[(term, its term and variants folded)] of `locale`, kept until the glossary changes."""
    return content_memo.remember(
        request,
        ("glossary forms", locale.pk),
        lambda: [
            (term, [fold(form) for form in [term.term, *term.variant_list] if fold(form)])
            for term in GlossaryTerm.objects.filter(locale=locale)
        ],
    )


def names(form, folded_query):
    return bool(fold(form)) and names_folded(fold(form), folded_query)


def names_folded(folded_form, folded_query):
    return re.search(rf"(?<!\w){re.escape(folded_form)}(?!\w)", folded_query)


def query_wordings(query, terms):
    """The query as typed, then with each glossary wording it names swapped for the others.

    'client not paying' also searches 'principal not paying': the other words stay required,
    so a synonym never drowns the rest of the question.
    """
    folded_query = fold(query)
    wordings = [query]
    for term in terms:
        forms = [term.term, *term.variant_list]
        for named_form in [form for form in forms if names(form, folded_query)]:
            pattern = rf"(?<!\w){re.escape(fold(named_form))}(?!\w)"
            for form in forms:
                if fold(form) != fold(named_form):
                    wording = re.sub(pattern, lambda _match, form=form: form, folded_query)
                    if wording not in wordings:
                        wordings.append(wording)
    return wordings


def synonym_rules(language):
    """One Solr-style synonym rule per glossary term of `language`: all its wordings."""
    rules = []
    for term in GlossaryTerm.objects.filter(locale__language_code=language).order_by("term"):
        forms = sorted(
            {fold(form).replace(",", " ").strip() for form in [term.term, *term.variant_list]}
            - {""}
        )
        if len(forms) > 1:
            rules.append(", ".join(forms))
    return rules
