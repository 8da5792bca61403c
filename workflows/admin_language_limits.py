"""Three Wagtail admin views, narrowed to the languages the person works in.

Wagtail's own admin URLs are matched before any URL a hook registers, so these are put ahead of
them in portal/urls.py, each wrapping Wagtail's view (tests/security/test_admin_url_permissions.py
walks every admin URL and found them):
- the page chooser's "chosen" answer named pages of any language;
- the page types report showed the last page edited in every language;
- the workflow cancellation dialog answered for pages the person may not change.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from workflows.permissions import may_change
from workflows.roles import languages_of

chosen_multiple_view = chooser.ChosenMultipleView.as_view()
page_types_view = PageTypesUsageReportView.as_view()
page_types_results_view = PageTypesUsageReportView.as_view(results_only=True)
cancellation_view = page_viewset_registry.as_view(
    "confirm_workflow_cancellation", page_id_kwarg="page_id"
)


@require_admin_access
def chosen_pages(request):
    languages = languages_of(request.user)
    if languages is not None:
        ids = [value for value in request.GET.getlist("id") if value.isascii() and value.isdigit()]
        allowed = Page.objects.filter(pk__in=ids, locale__language_code__in=languages)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        request.GET = query
    return chosen_multiple_view(request)


def for_every_language(view):
    """Open only to people who work in every language."""

    @require_admin_access
    def wrapped(request, *args, **kwargs):
        if languages_of(request.user) is not None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


page_types_report = for_every_language(page_types_view)
page_types_report_results = for_every_language(page_types_results_view)


@require_admin_access
def confirm_workflow_cancellation(request, page_id):
    if not may_change(request.user, get_object_or_404(Page, pk=page_id)):
        raise PermissionDenied
    return cancellation_view(request, page_id=page_id)
