"""Registers the agenda's registrations with Wagtail's admin, for the events' organisers."""

from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Registration
from .upcoming import agenda_of, next_dates


class MadeOnThePublicSitePolicy(ModelPermissionPolicy):
    """People register and cancel themselves; staff only read the lists."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete", "copy"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Registration, MadeOnThePublicSitePolicy(Registration))


class ViewersOnlyMixin:
    """Refuses every view to staff without the permission to see registrations (a name and an
    address each): no view Wagtail adds in an upgrade lists them to anyone else."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "calendar"
    menu_label = _("Registrations")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["name", "email", "starts_at", "status", "created_at"]
    list_filter = ["status", "starts_at"]
    list_export = ["name", "email", "starts_at", "status", "language", "created_at"]
    search_fields = ["name", "email"]
    form_fields = []
    export_filename = "registrations"

    def construct_view(self, view_class, **kwargs):
        view_class = type(view_class.__name__, (ViewersOnlyMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


@hooks.register("office_page_sections")
def next_events_at_office(office, request):
    """The office page's "Coming events" section: its next dates, and when they stop being true."""
    agenda = agenda_of(office.locale_id)
    dates = next_dates(agenda, office=office)
    if not dates:
        return None
    html = render_to_string(
        "events/components/next_events.html",
        {"dates": dates, "agenda": agenda, "office": office, "heading_id": "office-events"},
        request=request,
    )
    return html, dates[0].ends_at
