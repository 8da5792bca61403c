"""Admin report of what members search for: most frequent queries and those that find nothing."""

import django_filters
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

from guides.models import GlossaryTerm

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
    """Glossary terms of every language, loaded once per request for the whole table."""
    if not hasattr(request, "_glossary_terms_by_language"):
        terms = {}
        for term in GlossaryTerm.objects.select_related("locale").order_by("term"):
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
    index_url_name = "search_queries_report"
    index_results_url_name = "search_queries_report_results"
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
        return redirect("search_queries_report")
    return redirect("wagtailsearchpromotions:edit", Query.get(query).pk)


@login_required
@require_POST
def add_glossary_variant(request):
    """Record a search that found nothing as another wording of a glossary term."""
    term = get_object_or_404(GlossaryTerm, pk=request.POST.get("term") or 0)
    if not request.user.has_perm("guides.change_glossaryterm"):
        raise PermissionDenied
    variant = normalise(request.POST.get("query", ""))[:100]
    if not variant:
        messages.error(request, _("There was no search to add."))
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
    return redirect(request.POST.get("next") or "search_queries_report")
