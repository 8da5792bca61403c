"""Prepares a demo site for a load or fault run and prints what the simulated people need, as JSON.

Run inside the site's environment (`python benchmarks/load_setup.py`, DATABASE_URL set): creates
(or resets the password of) one editor, in a group that may edit and publish every page, and one
Dutch translator, in a group that may edit and publish the Dutch tree only, as an administrator
would set them up (groups of their own, so the run does not depend on the site's roles). Prints the
addresses members browse per language and kind, the searches they type (the judged queries of
tests/search/queries.yaml), the pages the editor republishes and the translations the
translator works on. The load client itself never imports Django: it only speaks HTTP.
"""

import json
import os
import secrets
import sys
from pathlib import Path

import django
import yaml

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "nl", "en"]
EDITOR, TRANSLATOR = "load-editor", "load-translator"
# Page types a member browses, by the name the report gives them.
KINDS = {
    "homepage": "home",
    "pathpage": "path",
    "topicpage": "topic",
    "guidepage": "guide",
    "glossarypage": "glossary",
    "newsindexpage": "news",
    "newspage": "news",
    "faqpage": "faq",
    "missionpage": "mission",
}
# Pages the editor republishes: plain fields only, so the admin form posts back as a browser
# without JavaScript would send it.
EDITED_TYPES = ["newsindexpage", "glossarypage", "faqpage"]


def group_over(name, page):
    """A group whose members may reach the admin and edit and publish `page` and below."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, created = Group.objects.get_or_create(name=name)
    if created:
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return group


def staff_member(username, password, group):
    from django.contrib.auth import get_user_model

    member, _created = get_user_model().objects.get_or_create(username=username)
    member.set_password(password)
    member.save()
    member.groups.add(group)


def staff(password):
    from wagtail.models import Page

    root = Page.objects.get(depth=1)
    dutch_home = Page.objects.get(depth=2, locale__language_code="nl")
    staff_member(EDITOR, password, group_over("Load run: editors", root))
    staff_member(TRANSLATOR, password, group_over("Load run: Dutch translators", dutch_home))


def addresses():
    from wagtail.models import Page

    pages = {language: {} for language in LANGUAGES}
    for page in Page.objects.live().filter(depth__gte=2).select_related("locale"):
        kind = KINDS.get(page.specific_class._meta.model_name)
        if kind:
            pages[page.locale.language_code].setdefault(kind, []).append(page.url)
    return pages


def searches():
    with open(BASE_DIR / "tests" / "search" / "queries.yaml") as file:
        judged = yaml.safe_load(file)
    return {language: [item["query"] for item in judged[language]] for language in LANGUAGES}


def edited_pages():
    from wagtail.models import Page

    return [
        page.pk
        for page in Page.objects.live()
        .filter(locale__language_code="fr", content_type__model__in=EDITED_TYPES)
        .order_by("pk")
    ]


def edited_addresses():
    """{page id: public address} of the pages the editor republishes."""
    from wagtail.models import Page

    return {str(page.pk): page.url for page in Page.objects.filter(pk__in=edited_pages())}


def translated_pages():
    """Dutch news items kept in step with their French source by wagtail-localize (guides are
    published through moderation, which a translator cannot do alone)."""
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    targets = Translation.objects.filter(
        target_locale__language_code="nl", source__specific_content_type__model="newspage"
    ).values_list("source__object_id", flat=True)
    return list(
        Page.objects.filter(
            translation_key__in=targets, locale__language_code="nl", content_type__model="newspage"
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:5]
    )


def main():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    django.setup()
    password = secrets.token_urlsafe(18)
    staff(password)
    json.dump(
        {
            "password": password,
            "editor": EDITOR,
            "translator": TRANSLATOR,
            "pages": addresses(),
            "searches": searches(),
            "edited_pages": edited_pages(),
            "edited_addresses": edited_addresses(),
            "translated_pages": translated_pages(),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
