"""Admin hooks: deleting or moving a source page asks what becomes of its translations.

Wagtail's confirmations (templates wagtailadmin/pages/confirm_delete.html and confirm_move.html)
list the translations and post the choice: delete or move them along, or keep them. Without a
choice (a request made without the form) they are kept, as Wagtail and wagtail-localize would,
and the message says where to find them: nothing is orphaned silently.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.admin import messages
from wagtail.models import Page

from translations.source_changes import (
    CHOICE_FIELD,
    DELETE_ALONG,
    KEEP,
    MOVE_ALONG,
    fates_on_delete,
    fates_on_move,
    translations_made_from,
)

# (choice, translation pks) decided before the source goes: afterwards, wagtail-localize has
# already removed the records that tell a source from its translations.
PLANNED = "_portal_translations_of_deleted_page"


def language_list(pages):
    return ", ".join(page.locale.get_display_name() for page in pages)


def chosen(request, along):
    choice = request.POST.get(CHOICE_FIELD, KEEP)
    return choice if choice in (along, KEEP) else None


def warn_kept(request, pages):
    messages.warning(
        request,
        _(
            "These translations were kept and no longer follow a source: %(languages)s. "
            "The translation dashboard lists them under “Translations without a source”."
        )
        % {"languages": language_list(pages)},
        buttons=[messages.button(reverse("translations:dashboard"), _("Translations"))],
    )


def check_translations_to_delete(request, page):
    if request.method != "POST":
        return None
    choice = chosen(request, DELETE_ALONG)
    if choice is None:
        return HttpResponseBadRequest(_("Choose whether to delete the translations or keep them."))
    fates = fates_on_delete(request.user, page)
    if choice == DELETE_ALONG and not all(fate.allowed for fate in fates):
        # A 403 rather than the admin's redirect home: the form never offers this choice.
        return HttpResponseForbidden(_("You may not delete all of these translations."))
    setattr(request, PLANNED, (choice, [fate.page.pk for fate in fates]))
    return None


def delete_or_keep_translations(request, page):
    choice, pks = getattr(request, PLANNED, (KEEP, []))
    translations = list(Page.objects.filter(pk__in=pks).select_related("locale"))
    if not translations:
        return None
    if choice == KEEP:
        warn_kept(request, translations)
        return None
    for translation in translations:
        # Checked before the source was deleted (check_translations_to_delete).
        DeletePageAction(translation, user=request.user).execute(skip_permission_checks=True)
    messages.success(
        request,
        _("Its translations were deleted too: %(languages)s.")
        % {"languages": language_list(translations)},
    )
    return None


def check_translations_choice(request, page, destination):
    if request.method == "POST" and chosen(request, MOVE_ALONG) is None:
        return HttpResponseBadRequest(_("Choose whether to move the translations or keep them."))
    return None


def move_or_keep_translations(request, page):
    if not translations_made_from(page):
        return None
    if chosen(request, MOVE_ALONG) != MOVE_ALONG:
        warn_kept(request, translations_made_from(page))
        return None
    moved, kept = [], []
    for fate in fates_on_move(request.user, page, page.get_parent()):
        if not fate.allowed:
            kept.append(fate.page)
            continue
        if fate.page.get_parent().pk == fate.destination.pk:
            continue
        try:
            MovePageAction(
                fate.page, fate.destination, pos="last-child", user=request.user
            ).execute()
        except (PermissionDenied, ValidationError):
            kept.append(fate.page)
        else:
            moved.append(fate.page)
    if moved:
        messages.success(
            request,
            _("Its translations were moved too: %(languages)s.")
            % {"languages": language_list(moved)},
        )
    if kept:
        warn_kept(request, kept)
    return None
