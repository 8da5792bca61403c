"""The editorial roles as Wagtail groups, and the moderation workflow they share (docs/roles.md).

The data migration portal/0003_roles set the groups up, with its own frozen copy of what it grants.
The translators' page permissions hang on each language's home page, which the demo loader (or an
administrator) creates after the migrations: `grant_translators_their_language` runs whenever a
home page is created (workflows/signal_handlers.py).
"""

from django.utils.translation import gettext_noop

COMMUNICATION = "Communication"
MODERATORS = "Moderators"
TRANSLATORS = {"fr": "Translators FR", "nl": "Translators NL", "en": "Translators EN"}
LANGUAGE_OF_GROUP = {name: language for language, name in TRANSLATORS.items()}


def languages_of(user):
    """The language codes `user` works in, or None for every language.

    Members of any group other than the translators' (Communication, Moderators, administrators'
    own groups) work in every language; translators only in their groups' languages.
    """
    if user.is_superuser:
        return None
    if not hasattr(user, "_portal_languages"):
        names = set(user.groups.values_list("name", flat=True))
        if names - set(LANGUAGE_OF_GROUP):
            user._portal_languages = None
        else:
            user._portal_languages = frozenset(LANGUAGE_OF_GROUP[name] for name in names)
    return user._portal_languages


def works_in(user, locale):
    languages = languages_of(user)
    return languages is None or locale.language_code in languages


def locales_of(user):
    """The locales `user` works in, as a queryset."""
    from wagtail.models import Locale

    languages = languages_of(user)
    locales = Locale.objects.all()
    return locales if languages is None else locales.filter(language_code__in=languages)


# Stored in English, shown in the staff member's language (workflows/admin_language.py).
REVIEW_TASK = gettext_noop("Moderator or second translator")
WORKFLOW = gettext_noop("Moderators approval")
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def grant_translators_their_language(page):
    """Give the translators of `page`'s language their rights on it: a new home page."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    name = TRANSLATORS.get(page.locale.language_code)
    group = Group.objects.filter(name=name).first() if name else None
    if group is None:
        return
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
