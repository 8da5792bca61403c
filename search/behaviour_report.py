"""Admin reports of what members do with results: the queries whose chosen result sat below the
third, and those that ended on "we may not have the answer here". Both point editors to content
to improve: a guide to retitle, a glossary variant to add, an FAQ answer to write."""

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Min, Q, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from workflows.roles import languages_of

from .models import SearchQueryLog, SearchResultClick

# Results at these positions are on the first lines; a result chosen lower was hard to find.
TOP_POSITIONS = 3


def filterset_for(model):
    class BehaviourFilterSet(WagtailFilterSet):
        language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
        day = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

        class Meta:
            fields = []

    BehaviourFilterSet._meta.model = model
    return BehaviourFilterSet


class BehaviourReportView(ReportView):
    """Rows of `model` in the languages the editor works in, added up per query."""

    model = None
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("search.view_searchquerylog"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        rows = self.model.objects.all()
        languages = languages_of(self.request.user)
        return rows if languages is None else rows.filter(language__in=languages)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_queryset()
        return kwargs


class ChosenLowReportView(BehaviourReportView):
    model = SearchResultClick
    page_title = _("Results chosen below the third")
    filterset_class = filterset_for(SearchResultClick)
    index_url_name = "search:chosen_low_report"
    index_results_url_name = "search:chosen_low_report_results"
    columns = [
        Column("query", label=_("Search")),
        Column("language", label=_("Language")),
        NumberColumn("below", label=_("Chosen below the third")),
        NumberColumn("on_top", label=_("Chosen in the first three")),
        NumberColumn("highest", label=_("Highest position chosen below the third")),
    ]
    list_export = ["query", "language", "below", "on_top", "highest"]

    def get_filtered_queryset(self):
        low = Q(position__gt=TOP_POSITIONS)
        return (
            self.filter_queryset(self.get_queryset())
            .values("query", "language")
            .annotate(
                below=Sum("clicks", filter=low),
                on_top=Sum("clicks", filter=~low, default=0),
                highest=Min("position", filter=low),
            )
            .filter(below__gt=0)
            .order_by("-below", "query")
        )


class CannotAnswerReportView(BehaviourReportView):
    model = SearchQueryLog
    page_title = _("Searches the portal may not answer")
    filterset_class = filterset_for(SearchQueryLog)
    index_url_name = "search:cannot_answer_report"
    index_results_url_name = "search:cannot_answer_report_results"
    columns = [
        Column("query", label=_("Search")),
        Column("language", label=_("Language")),
        NumberColumn("ended", label=_("Ended on “we may not have the answer here”")),
        NumberColumn("total", label=_("Searches")),
    ]
    list_export = ["query", "language", "ended", "total"]

    def get_filtered_queryset(self):
        return (
            self.filter_queryset(self.get_queryset())
            .values("query", "language")
            .annotate(ended=Sum("cannot_answer"), total=Sum("searches"))
            .filter(ended__gt=0)
            .order_by("-ended", "query")
        )
