"""Admin report of guides due for review, per language and owner, so none goes stale unnoticed.

A guide is due on its review-by date or, when that is empty, a year after its last review.
A guide never reviewed and without a review-by date is always listed.
"""

import datetime

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import DateField, DateTimeField, ExpressionWrapper, F, Q
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from workflows.permissions import in_own_languages

from .models import GuidePage

REVIEW_INTERVAL = datetime.timedelta(days=365)


def with_due_date(guides):
    """Annotate `due`: the review-by date, or a year after the last review."""
    return guides.annotate(
        due=Coalesce(
            "review_by",
            # A date plus an interval is a timestamp in SQL: cast back to the day it falls on.
            Cast(
                ExpressionWrapper(
                    F("last_reviewed") + REVIEW_INTERVAL, output_field=DateTimeField()
                ),
                DateField(),
            ),
        )
    )


def overdue_guides(today=None):
    """Guides whose review is due today or earlier, or that were never reviewed."""
    today = today or timezone.localdate()
    return with_due_date(GuidePage.objects.all()).filter(Q(due__lte=today) | Q(due__isnull=True))


def owners():
    return get_user_model().objects.filter(
        pk__in=GuidePage.objects.filter(content_owner__isnull=False).values("content_owner")
    )


class OverdueGuideFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, field_name="locale__language_code"
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), field_name="content_owner", queryset=lambda request: owners()
    )
    no_owner = django_filters.BooleanFilter(
        label=_("Without owner"), field_name="content_owner", lookup_expr="isnull"
    )

    class Meta:
        model = GuidePage
        fields = []


class OverdueGuidesReportView(ReportView):
    page_title = _("Guides to review")
    header_icon = "date"
    index_url_name = "guides:overdue_report"
    index_results_url_name = "guides:overdue_report_results"
    filterset_class = OverdueGuideFilterSet
    no_results_message = _("No guide is due for review.")
    columns = [
        TitleColumn(
            "title",
            label=_("Guide"),
            get_url=lambda guide: reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        ),
        Column("language", label=_("Language"), accessor="locale.language_code"),
        Column("content_owner", label=_("Owner")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("due", label=_("Review by")),
    ]
    list_export = ["title", "locale.language_code", "content_owner", "last_reviewed", "due"]
    export_headings = {"locale.language_code": _("Language"), "due": _("Review by")}

    def get_queryset(self):
        # Translators see the guides of their own languages only, as everywhere in the admin.
        guides = in_own_languages(self.request.user, overdue_guides())
        # The longest overdue first; guides never reviewed before all of them.
        return guides.select_related("locale", "content_owner").order_by(
            F("due").asc(nulls_first=True), "title"
        )

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_queryset()
        return kwargs
