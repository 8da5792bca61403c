"""Admin for the main menu and the footer: one snippet of each per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from navigation.models import SiteFooter, SiteNavigation
from workflows.permissions import LocalizedSnippetViewSet


class SiteNavigationViewSet(LocalizedSnippetViewSet):
    model = SiteNavigation
    # The admin address it had before the move to this app, for bookmarks and staff guides.
    url_prefix = "snippets/portal/sitenavigation"
    icon = "list-ul"
    menu_label = _("Main menu")
    list_filter = ["locale"]


class SiteFooterViewSet(LocalizedSnippetViewSet):
    model = SiteFooter
    # The admin address it had before the move to this app, for bookmarks and staff guides.
    url_prefix = "snippets/portal/sitefooter"
    icon = "doc-full"
    menu_label = _("Footer")
    list_filter = ["locale"]


class NavigationViewSetGroup(SnippetViewSetGroup):
    items = (SiteNavigationViewSet, SiteFooterViewSet)
    menu_icon = "list-ul"
    menu_label = _("Menu and footer")
    menu_order = 220


register_snippet(NavigationViewSetGroup)
