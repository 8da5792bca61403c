"""The guides app's admin URLs, under the `guides` namespace."""

from portal.admin_reports import report_urls

from .freshness import OverdueGuidesReportView

app_name = "guides"

urlpatterns = report_urls("reports/guides-to-review/", OverdueGuidesReportView, "overdue_report")
