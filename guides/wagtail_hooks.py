from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import reports
from .models import FAQQuestion, FAQTheme, GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["term", "definition"]
    search_fields = ["term", "definition", "variants"]
    list_filter = ["locale"]


class FAQQuestionViewSet(SnippetViewSet):
    model = FAQQuestion
    icon = "help"
    menu_label = _("Questions")
    list_display = ["question", "theme", "level"]
    search_fields = ["question", "answer"]
    list_filter = ["locale", "theme", "level"]


class FAQThemeViewSet(SnippetViewSet):
    model = FAQTheme
    icon = "folder-open-inverse"
    menu_label = _("Themes")
    list_display = ["name", "sort_order"]
    list_filter = ["locale"]


class FAQViewSetGroup(SnippetViewSetGroup):
    items = (FAQQuestionViewSet, FAQThemeViewSet)
    menu_icon = "help"
    menu_label = _("FAQ")
    menu_order = 210


register_snippet(GlossaryTermViewSet)
register_snippet(FAQViewSetGroup)


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [
        path(
            "reports/page-feedback/",
            reports.PageFeedbackReportView.as_view(),
            name="page_feedback_report",
        ),
        path(
            "reports/page-feedback/results/",
            reports.PageFeedbackReportView.as_view(results_only=True),
            name="page_feedback_report_results",
        ),
        path(
            "reports/page-comments/",
            reports.PageCommentsReportView.as_view(),
            name="page_comments_report",
        ),
        path(
            "reports/page-comments/results/",
            reports.PageCommentsReportView.as_view(results_only=True),
            name="page_comments_report_results",
        ),
    ]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("guides.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_items():
    return FeedbackReportMenuItem(
        _("Was this page helpful?"),
        reverse("page_feedback_report"),
        icon_name="comment",
        order=910,
    )


@hooks.register("register_reports_menu_item")
def register_comments_report_menu_item():
    return FeedbackReportMenuItem(
        _("Comments on pages"), reverse("page_comments_report"), icon_name="comment", order=920
    )
