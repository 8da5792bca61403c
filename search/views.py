"""The search page: the reader's query over every page and glossary term of their language."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from guides.models import GlossaryTerm

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()
    error = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Your search is too long. Use a few words (at most %(max)s characters).") % {
            "max": MAX_QUERY_LENGTH
        }
        query = ""
    locale = Locale.get_active()
    results = Page.objects.none()
    terms = []
    if query:
        results = (
            Page.objects.live().public().filter(locale=locale, depth__gt=1).specific().search(query)
        )
        terms = GlossaryTerm.objects.filter(locale=locale).filter(
            Q(term__iexact=query) | Q(variants__icontains=query)
        )[:3]
    page_number = request.GET.get("page", "1")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if not page_number.isdigit() or not 1 <= int(page_number) <= max(paginator.num_pages, 1):
        raise Http404("No such results page")
    status = 400 if error else 200
    return render(
        request,
        "search/search_results.html",
        {
            "search_query": query,
            "results": paginator.get_page(page_number),
            "terms": terms,
            "error": error,
        },
        status=status,
    )
