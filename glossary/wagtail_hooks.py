"""Registers the glossary terms with Wagtail's admin: one list per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from workflows.permissions import LocalizedSnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(LocalizedSnippetViewSet):
    model = GlossaryTerm
    # The admin address it had before the move to this app, for bookmarks and staff guides.
    url_prefix = "snippets/guides/glossaryterm"
    icon = "help"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["term", "definition"]
    search_fields = ["term", "definition", "variants"]
    list_filter = ["locale"]


register_snippet(GlossaryTermViewSet)
