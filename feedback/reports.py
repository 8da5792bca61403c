"""Admin report of 'Was this page helpful?': guides ranked by 'No' votes, and the comments."""

import datetime

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .models import PageFeedback

PERIODS = {"30": 30, "90": 90, "365": 365}


class PageFeedbackFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=[
            ("30", _("Last 30 days")),
            ("90", _("Last 90 days")),
            ("365", _("Last 12 months")),
        ],
        method="filter_period",
        empty_label=_("Since the start"),
    )

    class Meta:
        model = PageFeedback
        fields = []

    def filter_period(self, queryset, name, value):
        days = PERIODS.get(value)
        if days is None:
            return queryset
        return queryset.filter(created_at__gte=timezone.now() - datetime.timedelta(days=days))


class FeedbackReportMixin:
    header_icon = "comment"
    filterset_class = PageFeedbackFilterSet

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("feedback.view_pagefeedback"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return PageFeedback.objects.all()

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_queryset()
        return kwargs


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class PageFeedbackReportView(FeedbackReportMixin, ReportView):
    page_title = _("Was this page helpful?")
    index_url_name = "feedback:report"
    index_results_url_name = "feedback:report_results"
    default_ordering = "-unhelpful"
    columns = [
        TitleColumn("page__title", label=_("Page"), get_url=lambda row: edit_url(row["page"])),
        Column("language", label=_("Language")),
        NumberColumn("unhelpful", label=_("No"), sort_key="unhelpful"),
        NumberColumn("helpful", label=_("Yes"), sort_key="helpful"),
        NumberColumn("comments", label=_("Comments"), sort_key="comments"),
    ]
    list_export = ["page__title", "language", "unhelpful", "helpful", "comments"]

    def get_filtered_queryset(self):
        # Votes of the chosen language and period, then counted per page.
        return (
            self.filter_queryset(self.get_queryset())
            .values("page", "page__title", "language")
            .annotate(
                unhelpful=Count("pk", filter=Q(helpful=False)),
                helpful=Count("pk", filter=Q(helpful=True)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by(*self.get_ordering_fields())
        )

    def get_ordering_fields(self):
        ordering = self.get_ordering() or self.default_ordering
        if ordering.lstrip("-") not in {"unhelpful", "helpful", "comments"}:
            ordering = self.default_ordering
        return [ordering, "-helpful" if ordering == "-unhelpful" else "-unhelpful", "page__title"]


class PageCommentsReportView(FeedbackReportMixin, ReportView):
    page_title = _("Comments on pages")
    index_url_name = "feedback:comments_report"
    index_results_url_name = "feedback:comments_report_results"
    columns = [
        Column("comment", label=_("Comment")),
        TitleColumn(
            "page",
            label=_("Page"),
            accessor="page.title",
            get_url=lambda feedback: edit_url(feedback.page_id),
        ),
        Column("language", label=_("Language")),
        Column("helpful", label=_("Helpful")),
        Column("created_at", label=_("Date")),
    ]
    list_export = ["comment", "page", "language", "helpful", "created_at"]

    def get_queryset(self):
        return PageFeedback.objects.exclude(comment="").select_related("page")
