"""The feedback reports' admin URLs, under the `feedback` namespace."""

from portal.admin_reports import report_urls

from .reports import PageCommentsReportView, PageFeedbackReportView

app_name = "feedback"

urlpatterns = [
    *report_urls("reports/page-feedback/", PageFeedbackReportView, "report"),
    *report_urls("reports/page-comments/", PageCommentsReportView, "comments_report"),
]
