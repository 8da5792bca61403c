"""Registers the FAQ snippets, the report of guides due for review and the plain-language check."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from workflows.permissions import LocalizedSnippetViewSet

from . import admin_urls
from .models import FAQQuestion, FAQTheme, GuidePage


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


register_snippet(FAQViewSetGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls, namespace="guides"))]


@hooks.register("register_reports_menu_item")
def register_overdue_guides_menu_item():
    return MenuItem(
        _("Guides to review"), reverse("guides:overdue_report"), icon_name="date", order=930
    )


# Only Smart Facile is for members who never used the cooperative: there, hard text stops them.
WARN_ON_PUBLISH = {"facile"}


@hooks.register("after_publish_page")
def warn_when_a_facile_guide_is_hard_to_read(request, page):
    """A warning, not a block: the editor may have good reasons to publish anyway."""
    if not isinstance(page.specific, GuidePage):
        return
    result = page.specific.readability()
    if result.level in WARN_ON_PUBLISH and not result.meets_target:
        messages.warning(
            request,
            _(
                "Published, but this Smart Facile guide is hard to read: %(score)s where "
                "%(target)s or more is asked. See 'Plain language' in the editor."
            )
            % {"score": result.score, "target": result.target},
        )
