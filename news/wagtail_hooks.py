from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from workflows.permissions import LocalizedSnippetViewSet

from .models import NewsTag


class NewsTagViewSet(LocalizedSnippetViewSet):
    model = NewsTag
    icon = "tag"
    menu_label = _("News tags")
    list_display = ["name", "slug"]
    list_filter = ["locale"]


register_snippet(NewsTagViewSet)
