"""Registers the feedback reports with Wagtail's admin, for staff allowed to read feedback."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_pagefeedback")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls, namespace="feedback"))]


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(
        _("Was this page helpful?"), reverse("feedback:report"), icon_name="comment", order=910
    )


@hooks.register("register_reports_menu_item")
def register_comments_report_menu_item():
    return FeedbackReportMenuItem(
        _("Comments on pages"), reverse("feedback:comments_report"), icon_name="comment", order=920
    )
