"""The search report's admin URLs, under the `search` namespace."""

from django.urls import path

from portal.admin_reports import report_urls

from . import behaviour_report, reports

app_name = "search"

urlpatterns = [
    *report_urls("reports/searches/", reports.SearchQueryReportView, "queries_report"),
    *report_urls(
        "reports/searches/chosen-low/", behaviour_report.ChosenLowReportView, "chosen_low_report"
    ),
    *report_urls(
        "reports/searches/cannot-answer/",
        behaviour_report.CannotAnswerReportView,
        "cannot_answer_report",
    ),
    path("reports/searches/promote/", reports.promote_query, name="promote_query"),
    path(
        "reports/searches/add-variant/", reports.add_glossary_variant, name="add_glossary_variant"
    ),
]
