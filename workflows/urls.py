"""Wagtail admin views that no hook can replace, limited to the person's languages.

portal/urls.py includes these ahead of Wagtail's admin, at Wagtail's own addresses
(workflows/admin_language_limits.py says what each one guards).
"""

from django.urls import path

from . import admin_language_limits

urlpatterns = [
    path("admin/choose-page/chosen-multiple/", admin_language_limits.chosen_pages),
    path("admin/reports/page-types-usage/", admin_language_limits.page_types_report),
    path(
        "admin/reports/page-types-usage/results/",
        admin_language_limits.page_types_report_results,
    ),
    path(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        admin_language_limits.confirm_workflow_cancellation,
    ),
]
