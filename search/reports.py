"""Admin report of what members search for: most frequent queries and those that find nothing."""

import django_filters
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

from glossary.models import GlossaryTerm
from workflows.permissions import may_change
from workflows.roles import languages_of

from .models import SearchQueryLog
from .query_log import normalise


class SearchQueryFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    day = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    zero_results = django_filters.BooleanFilter(
        label=_("Found nothing"), method="filter_zero_results"
    )

    class Meta:
        model = SearchQueryLog
        fields = []

    def filter_zero_results(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(results=0) if value else queryset.filter(results__gt=0)


def terms_by_language(request):
    """Glossary terms of the languages the user works in, loaded once per request for the table."""
    if not hasattr(request, "_glossary_terms_by_language"):
        terms = {}
        languages = languages_of(request.user)
        glossary = GlossaryTerm.objects.select_related("locale").order_by("term")
        if languages is not None:
            glossary = glossary.filter(locale__language_code__in=languages)
        for term in glossary:
            terms.setdefault(term.locale.language_code, []).append(term)
        request._glossary_terms_by_language = terms
    return request._glossary_terms_by_language


class ActionsColumn(Column):
    cell_template_name = "search/admin/query_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["terms"] = terms_by_language(parent_context["request"]).get(
            instance["language"], []
        )
        return context


class SearchQueryReportView(ReportView):
    page_title = _("What members search for")
    header_icon = "search"
    filterset_class = SearchQueryFilterSet
    index_url_name = "search:queries_report"
    index_results_url_name = "search:queries_report_results"
    default_ordering = "-total"
    columns = [
        Column("query", label=_("Search")),
        Column("language", label=_("Language")),
        NumberColumn("total", label=_("Searches"), sort_key="total"),
        NumberColumn("results", label=_("Results last time"), sort_key="results"),
        ActionsColumn("actions", label=_("Improve it")),
    ]
    list_export = ["query", "language", "total", "results"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("search.view_searchquerylog"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = SearchQueryLog.objects.all()
        return kwargs

    def get_queryset(self):
        return SearchQueryLog.objects.all()

    def get_filtered_queryset(self):
        # Filter the daily rows first, then add them up per query and language.
        return (
            self.filter_queryset(self.get_queryset())
            .values("query", "language")
            .annotate(total=Sum("searches"), results=Max("results"))
            .order_by(*self.get_ordering_fields())
        )

    def get_ordering_fields(self):
        ordering = self.get_ordering() or self.default_ordering
        return [ordering, "query"] if ordering.lstrip("-") in {"total", "results"} else ["-total"]


@login_required
@require_POST
def promote_query(request):
    """Open the promoted results of a query, creating it: editors then pick the pages."""
    if not request.user.has_perm("wagtailsearchpromotions.add_searchpromotion"):
        raise PermissionDenied
    query = normalise(request.POST.get("query", ""))
    if not query:
        messages.error(request, _("There was no search to promote results for."))
        return redirect("search:queries_report")
    return redirect("wagtailsearchpromotions:edit", Query.get(query).pk)


def back_to_report(request):
    """The report page the form was sent from, never another site."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("search:queries_report")


@login_required
@require_POST
def add_glossary_variant(request):
    """Record a search that found nothing as another wording of a glossary term of its language."""
    term_id = request.POST.get("term", "")
    term = get_object_or_404(
        GlossaryTerm, pk=int(term_id) if term_id.isascii() and term_id.isdigit() else 0
    )
    if not may_change(request.user, term):
        raise PermissionDenied
    variant = normalise(request.POST.get("query", ""))[:100]
    language = term.locale.language_code
    if not variant:
        messages.error(request, _("There was no search to add."))
    elif not SearchQueryLog.objects.filter(query=variant, language=language).exists():
        # A wording members used in another language would make this term a wrong answer.
        messages.error(
            request,
            _("Nobody searched for “%(variant)s” in the language of “%(term)s”.")
            % {"variant": variant, "term": term.term},
        )
    elif variant in [existing.lower() for existing in [term.term, *term.variant_list]]:
        messages.warning(
            request,
            _("“%(variant)s” is already a wording of “%(term)s”.")
            % {"variant": variant, "term": term.term},
        )
    else:
        term.variants = "\n".join([*term.variant_list, variant])
        term.save()
        messages.success(
            request,
            _("“%(variant)s” now finds “%(term)s”.") % {"variant": variant, "term": term.term},
        )
    return back_to_report(request)
