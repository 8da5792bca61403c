"""The translations a delete or move confirmation lists, with what may become of each."""

from django import template

from translations import source_changes

register = template.Library()


@register.inclusion_tag("translations/admin/source_change_translations.html", takes_context=True)
def translations_on_delete(context, page):
    """The translations of `page` and the choice to delete them too or keep them."""
    user = context["request"].user
    fates = source_changes.fates_on_delete(user, page)
    return {
        "action": "delete",
        "fates": fates,
        "may_take_along": bool(fates) and all(fate.allowed for fate in fates),
        "choice_field": source_changes.CHOICE_FIELD,
        "along": source_changes.DELETE_ALONG,
        "keep": source_changes.KEEP,
    }


@register.inclusion_tag("translations/admin/source_change_translations.html", takes_context=True)
def translations_on_move(context, page, destination):
    """The translations of `page` and the choice to move them too or keep them where they are."""
    user = context["request"].user
    fates = source_changes.fates_on_move(user, page, destination)
    return {
        "action": "move",
        "fates": fates,
        "may_take_along": any(fate.allowed for fate in fates),
        "choice_field": source_changes.CHOICE_FIELD,
        "along": source_changes.MOVE_ALONG,
        "keep": source_changes.KEEP,
    }
