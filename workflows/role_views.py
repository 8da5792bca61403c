"""Admin hooks for roles and moderation (docs/roles.md).

- Translators translate only into their own languages: wagtail-localize's "Translate" forms
  offer only those.
- Guides (settings.MODERATED_PAGE_TYPES) are published by a moderator's approval, in every
  language: only moderators and administrators may publish them directly.
- A translator submits a translation made in wagtail-localize's editor, which has no workflow
  button of its own, for review by a moderator or a second translator.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from workflows.permissions import is_moderated, publishes_directly
from workflows.roles import locales_of


# --- Translators translate into their own languages only ------------------------------------------
class OwnLanguagesMixin:
    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=locales_of(self.request.user))
        return form


class SubmitPageTranslationInOwnLanguagesView(OwnLanguagesMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationInOwnLanguagesView(OwnLanguagesMixin, SubmitSnippetTranslationView):
    pass


# --- Guides go through moderation -----------------------------------------------------------------
def is_publish_request(request):
    # Wagtail's editor posts "action-publish"; wagtail-localize's editor posts action=publish.
    return request.method == "POST" and (
        "action-publish" in request.POST or request.POST.get("action") == "publish"
    )


def refuse_publishing():
    return HttpResponseForbidden(
        _("Guides are published by a moderator: submit your changes for moderation.")
    )


def publish_guides_through_moderation(request, page):
    if is_publish_request(request) and is_moderated(page) and not publishes_directly(request.user):
        return refuse_publishing()
    return None


def publish_new_guides_through_moderation(request, parent_page, page_class):
    if (
        is_publish_request(request)
        and page_class._meta.label in settings.MODERATED_PAGE_TYPES
        and not publishes_directly(request.user)
    ):
        return refuse_publishing()
    return None


def bulk_publish_guides_through_moderation(request, action_type, objects, action_class_instance):
    if action_type != "publish" or publishes_directly(request.user):
        return None
    if any(isinstance(item, Page) and is_moderated(item) for item in objects):
        return refuse_publishing()
    return None


def page_class_of_menu(request, context):
    """The type of page the editor's action menu is for, saved or not yet."""
    if context.get("page") is not None:
        return type(context["page"])
    # The create view gives the menu no page: the page type is in its URL.
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    try:
        content_type = ContentType.objects.get_by_natural_key(
            kwargs["content_type_app_name"], kwargs["content_type_model_name"]
        )
    except (KeyError, ContentType.DoesNotExist):
        return None
    return content_type.model_class()


def hide_publish_on_guides(menu_items, request, context):
    # The page's own permission tester hides Publish when editing a guide; the create view asks
    # the parent page's tester, which allows publishing sub-pages of other types.
    page_class = page_class_of_menu(request, context)
    if page_class is None or not is_moderated(page_class) or publishes_directly(request.user):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


# Before wagtail-localize's own URLs, so its "Translate" forms are these.
