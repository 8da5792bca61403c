from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["term", "definition"]
    search_fields = ["term", "definition", "variants"]
    list_filter = ["locale"]


register_snippet(GlossaryTermViewSet)
