"""The search page and its autocomplete suggestions."""

import re

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from directory.search import find_profiles
from directory.visibility import shown_profile
from directory.vocabulary import Vocabulary
from glossary.models import GlossaryPage, GlossaryTerm
from guides.models import Level
from guides.path_preference import preferred_level

from .ask_instead import ask_instead
from .backends import searching_in
from .query_log import log_search
from .results import CONTENT_TYPES, content_type_of, describe
from .service import PortalSearch, searchable_pages, with_fallback
from .titles import distinct_titles

RESULTS_PER_PAGE = 10
# Members whose profile matches, shown beside the pages: a few, and a link to all of them.
MEMBERS_SHOWN = 3
MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    """The query as searched: control characters (NUL included) out, spaces collapsed."""
    return re.sub(r"\s+", " ", CONTROL_CHARACTERS.sub(" ", raw or "")).strip()


def facet_counts(results, attribute, choices):
    counts = {key: 0 for key in choices}
    for result in results:
        value = getattr(result, attribute)
        if value in counts:
            counts[value] += 1
    return [(key, label, counts[key]) for key, label in choices.items() if counts[key]]


def search(request):
    query = clean_query(request.GET.get("q"))
    language = translation.get_language()
    context = {"search_query": query, "error": None, "outcome": None}
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = _(
            "Your search is too long. Use a few words (at most %(max)s characters)."
        ) % {"max": MAX_QUERY_LENGTH}
        context["search_query"] = query = ""
        status = 400
    levels = dict(Level.choices)
    active_type = request.GET.get("type") if request.GET.get("type") in CONTENT_TYPES else None
    active_level = request.GET.get("level") if request.GET.get("level") in levels else None
    if query:
        outcome = PortalSearch(request, query, language, preferred_level(request)).run()
        results = outcome.results
        log_search(query, language, len(results), outcome.cannot_answer)
        type_counts = facet_counts(
            [r for r in results if not active_level or r.level == active_level],
            "kind",
            CONTENT_TYPES,
        )
        level_counts = facet_counts(
            [r for r in results if not active_type or r.kind == active_type], "level", levels
        )
        filtered = [
            result
            for result in results
            if (not active_type or result.kind == active_type)
            and (not active_level or result.level == active_level)
        ]
        shown = Paginator(filtered, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        # Addresses, breadcrumbs and excerpts: for the results on screen only.
        describe(shown.object_list)
        context.update(
            # No page answers: say so, and name the team to ask instead.
            ask_instead=ask_instead(query, Locale.get_active(), request)
            if outcome.cannot_answer
            else None,
            outcome=outcome,
            results=shown,
            result_count=len(filtered),
            type_facets=type_counts,
            level_facets=level_counts,
            active_type=active_type,
            active_level=active_level,
            **members_matching(request, query, language),
        )
    return render(request, "search/search_results.html", context, status=status)


def members_matching(request, query, language):
    """The listed members this visitor may see whose profile matches: the directory's search."""
    profiles = find_profiles(request.user, query)
    count = profiles.count()
    if not count:
        return {"member_count": 0, "members": []}
    vocabulary = Vocabulary(language)
    return {
        "member_count": count,
        "members": [
            shown_profile(profile, request.user, vocabulary) for profile in profiles[:MEMBERS_SHOWN]
        ],
    }


def autocomplete(backend_name, query, locale):
    backend = get_search_backend(backend_name)
    # Every word typed must match, on Elasticsearch as on the database, in the language's index.
    with searching_in(locale.language_code):
        terms = list(
            backend.autocomplete(query, GlossaryTerm.objects.filter(locale=locale), operator="and")[
                :3
            ]
        )
        pages = list(
            backend.autocomplete(query, searchable_pages(locale).specific(), operator="and")[
                :SUGGESTIONS
            ]
        )
    return terms, pages


def suggest(request):
    """Titles and glossary terms starting like what the member is typing, as JSON."""
    query = clean_query(request.GET.get("q"))
    if len(query) > MAX_QUERY_LENGTH:
        return JsonResponse({"error": _("Your search is too long.")}, status=400)
    suggestions = []
    if len(query) >= MIN_SUGGEST_LENGTH and re.search(r"\w", query):
        locale = Locale.get_active()
        terms, pages = with_fallback(lambda backend: autocomplete(backend, query, locale))
        glossary = GlossaryPage.objects.live().filter(locale=locale).first() if terms else None
        suggestions += [
            {
                "title": term.term,
                "url": f"{glossary.get_url(request)}#{term.anchor}" if glossary else "",
                "type": str(CONTENT_TYPES["glossary"]),
            }
            for term in terms
        ]
        pages = pages[: SUGGESTIONS - len(suggestions)]
        titles = distinct_titles(pages)
        suggestions += [
            {
                "title": titles[page.pk],
                "url": page.get_url(request),
                "type": str(CONTENT_TYPES[content_type_of(page)]),
            }
            for page in pages
        ]
    return JsonResponse({"query": query, "suggestions": suggestions})
