"""Wagtail's page chooser and page move, kept to the languages the person works in.

The page chooser lists pages of every language to anyone with admin access, whatever their
permissions; the confirmation of a move shows both pages before any permission check. A
translator sees and moves only the pages of their languages (docs/roles.md).
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from workflows.roles import languages_of


def choose_pages_of_own_languages(pages, request):
    languages = languages_of(request.user)
    if languages is None:
        return pages
    # Browsing into a page of another language is refused, not only shown empty.
    parent_id = request.resolver_match and request.resolver_match.kwargs.get("parent_page_id")
    if (
        parent_id
        and not Page.objects.filter(pk=parent_id, locale__language_code__in=languages).exists()
    ):
        raise PermissionDenied
    return pages.filter(locale__language_code__in=languages)


def refuse_a_move_the_person_may_not_make(request, page, destination):
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
