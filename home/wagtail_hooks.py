from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from portal.permissions import LocalizedSnippetViewSet

from .models import Service


class ServiceViewSet(LocalizedSnippetViewSet):
    model = Service
    icon = "mail"
    menu_label = _("Services")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["name", "phone", "email"]
    search_fields = ["name", "handles"]
    list_filter = ["locale"]


register_snippet(ServiceViewSet)
