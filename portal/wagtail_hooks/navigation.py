"""Admin for the main menu and the footer: one snippet of each per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.models.navigation import SiteFooter, SiteNavigation
from portal.permissions import LocalizedSnippetViewSet


class SiteNavigationViewSet(LocalizedSnippetViewSet):
    model = SiteNavigation
    icon = "list-ul"
    menu_label = _("Main menu")
    list_filter = ["locale"]


class SiteFooterViewSet(LocalizedSnippetViewSet):
    model = SiteFooter
    icon = "doc-full"
    menu_label = _("Footer")
    list_filter = ["locale"]


class NavigationViewSetGroup(SnippetViewSetGroup):
    items = (SiteNavigationViewSet, SiteFooterViewSet)
    menu_icon = "list-ul"
    menu_label = _("Menu and footer")
    menu_order = 220


register_snippet(NavigationViewSetGroup)
