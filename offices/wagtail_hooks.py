from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from workflows.permissions import LocalizedSnippetViewSet

from .models import Service


class ServiceViewSet(LocalizedSnippetViewSet):
    model = Service
    # The admin address it had before the move to this app, for bookmarks and staff guides.
    url_prefix = "snippets/home/service"
    icon = "mail"
    menu_label = _("Services")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["name", "phone", "email"]
    search_fields = ["name", "handles"]
    list_filter = ["locale"]


register_snippet(ServiceViewSet)
