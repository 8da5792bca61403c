"""URLs of an admin report: Wagtail's ReportView serves its page and, for filtering, its results."""

from django.urls import path


def report_urls(route, view_class, name):
    """The report at `route` and its results-only view at `route` + "results/", named alike."""
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]
