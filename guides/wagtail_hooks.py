from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.admin_reports import report_urls
from portal.permissions import LocalizedSnippetViewSet

from . import freshness, readability, reports
from .models import FAQQuestion, FAQTheme, GlossaryTerm, GuidePage


class GlossaryTermViewSet(LocalizedSnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["term", "definition"]
    search_fields = ["term", "definition", "variants"]
    list_filter = ["locale"]


class FAQQuestionViewSet(LocalizedSnippetViewSet):
    model = FAQQuestion
    icon = "help"
    menu_label = _("Questions")
    list_display = ["question", "theme", "level"]
    search_fields = ["question", "answer"]
    list_filter = ["locale", "theme", "level"]


class FAQThemeViewSet(LocalizedSnippetViewSet):
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
        *report_urls(
            "reports/page-feedback/", reports.PageFeedbackReportView, "page_feedback_report"
        ),
        *report_urls(
            "reports/page-comments/", reports.PageCommentsReportView, "page_comments_report"
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


@hooks.register("register_admin_urls")
def register_overdue_guides_report_urls():
    return report_urls(
        "reports/guides-to-review/", freshness.OverdueGuidesReportView, "overdue_guides_report"
    )


@hooks.register("register_reports_menu_item")
def register_overdue_guides_menu_item():
    return MenuItem(
        _("Guides to review"), reverse("overdue_guides_report"), icon_name="date", order=930
    )


@hooks.register("after_publish_page")
def warn_when_a_facile_guide_is_hard_to_read(request, page):
    """A warning, not a block: the editor may have good reasons to publish anyway."""
    if isinstance(page.specific, GuidePage):
        readability.warn_if_below_target(request, page.specific)
