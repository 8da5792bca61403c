from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExternalResource


class ExternalResourceViewSet(SnippetViewSet):
    model = ExternalResource
    icon = "link-external"
    menu_label = _("Other websites")
    list_display = ["title", "source_site", "locale", "last_seen"]
    list_filter = ["source_site", "locale"]
    search_fields = ["title", "summary", "url"]


register_snippet(ExternalResourceViewSet)
