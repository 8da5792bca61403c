"""Registers the other websites' pages and the report of what members search for."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .models import ExternalResource


class ExternalResourceViewSet(SnippetViewSet):
    model = ExternalResource
    icon = "link-external"
    menu_label = _("Other websites")
    list_display = ["title", "source_site", "locale", "last_seen"]
    list_filter = ["source_site", "locale"]
    search_fields = ["title", "summary", "url"]


register_snippet(ExternalResourceViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls, namespace="search"))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchquerylog")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("What members search for"),
        reverse("search:queries_report"),
        icon_name="search",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_chosen_low_report_menu_item():
    return SearchReportMenuItem(
        _("Results chosen below the third"),
        reverse("search:chosen_low_report"),
        icon_name="search",
        order=901,
    )


@hooks.register("register_reports_menu_item")
def register_cannot_answer_report_menu_item():
    return SearchReportMenuItem(
        _("Searches the portal may not answer"),
        reverse("search:cannot_answer_report"),
        icon_name="search",
        order=902,
    )
