"""wagtail-localize's translation views, checked for the person's languages first.

wagtail-localize checks only the model permission before letting someone change a snippet's
translation, and only the page permission for a page: a French translator could rewrite a
Dutch glossary term. The same views are registered here, at the same addresses and before
wagtail-localize's own, behind `may_change_translation`. Its snippet API and its translations
report list only the person's languages. (Stopping a translation, converting to an alias and
updating translations are replaced elsewhere: translator_safety.py and the lead's update view.)
"""

from functools import wraps

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail_localize.models import Translation
from wagtail_localize.views import report, snippets_api

from workflows.permissions import in_own_languages, may_change_translation
from workflows.roles import languages_of


def translation_checked(view):
    """`view`, refused (403) unless the person may change the translation's target."""

    # wraps() also carries over csrf_exempt, which the REST framework's views rely on.
    @wraps(view)
    def checked_view(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not may_change_translation(request.user, translation):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return checked_view


def in_languages_of(user, queryset):
    """`queryset` narrowed to `user`'s languages when its model has a language."""
    try:
        queryset.model._meta.get_field("locale")
    except FieldDoesNotExist:
        return queryset
    return in_own_languages(user, queryset)


class SnippetsInOwnLanguagesAPIViewSet(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API, listing and returning only the person's languages."""

    def get_queryset(self):
        return in_languages_of(self.request.user, super().get_queryset())


class TranslationsReportInOwnLanguagesView(report.TranslationsReportView):
    """wagtail-localize's translations report, of translations into the person's languages."""

    def get_queryset(self):
        queryset = super().get_queryset()
        languages = languages_of(self.request.user)
        if languages is not None:
            queryset = queryset.filter(target_locale__language_code__in=languages)
        # Paginated: a stable order, which wagtail-localize's own queryset lacks.
        return queryset if queryset.ordered else queryset.order_by("pk")


# Before wagtail-localize's own URLs, so these views answer at its addresses.
