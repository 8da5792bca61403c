"""The editorial roles as Wagtail groups, and the moderation workflow they share (docs/roles.md).

`set_up_roles` runs in the data migration portal/0003_roles with the historical models. The
translators' page permissions hang on each language's home page, which the demo loader (or an
administrator) creates after the migrations: `grant_translators_their_language` runs whenever a
home page is created, and the migration runs it for the home pages that exist already.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
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


# Stored in English, shown in the staff member's language (portal/wagtail_hooks/admin_language.py).
REVIEW_TASK = gettext_noop("Moderator or second translator")
WORKFLOW = gettext_noop("Moderators approval")
# Wagtail's own data migration makes "Editors": they become Communication, with their users.
WAGTAIL_EDITORS = "Editors"

PAGE_PERMISSIONS = {
    COMMUNICATION: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
]
COMMUNICATION_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "guides.view_pagefeedback",
    "search.view_searchquerylog",
]
TRANSLATOR_PERMISSIONS = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
# The apps whose translatable models, other than pages, are snippets editors manage.
SNIPPET_APPS = ["portal", "home", "guides", "news"]


def permission(apps, name):
    app_label, codename = name.split(".")
    return apps.get_model("auth.Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def page_permission(apps, codename):
    return permission(apps, f"wagtailcore.{codename}")


def translatable_snippet_models(apps):
    """Every translatable model of the content apps that is not a page."""
    for app_label in SNIPPET_APPS:
        for model in apps.get_app_config(app_label).get_models():
            field_names = {field.name for field in model._meta.get_fields()}
            if {"translation_key", "locale"} <= field_names and "page_ptr" not in field_names:
                yield model


def snippet_permissions(apps, actions):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    for model in translatable_snippet_models(apps):
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        yield from Permission.objects.filter(content_type=content_type, codename__in=codenames)


def ensure_permissions(apps):
    """Create every model permission now: Django only does so after the last migration."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def set_up_roles(apps, schema_editor=None):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    root = Page.objects.get(depth=1)

    communication = Group.objects.filter(name=COMMUNICATION).first()
    if communication is None:
        communication = Group.objects.filter(name=WAGTAIL_EDITORS).first()
        if communication is None:
            communication = Group(name=COMMUNICATION)
        communication.name = COMMUNICATION
        communication.save()
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)

    communication.permissions.add(
        *(permission(apps, name) for name in COMMUNICATION_PERMISSIONS),
        *snippet_permissions(apps, ["add", "change", "delete"]),
    )
    moderators.permissions.add(permission(apps, "wagtailadmin.access_admin"))
    for group in (communication, moderators):
        grant_pages(apps, group, root, PAGE_PERMISSIONS[group.name])
        grant_media(apps, group)

    for language, name in TRANSLATORS.items():
        translators, _created = Group.objects.get_or_create(name=name)
        translators.permissions.add(
            *(permission(apps, codename) for codename in TRANSLATOR_PERMISSIONS),
            *snippet_permissions(apps, ["add", "change"]),
        )
        for home in Page.objects.filter(depth=2, locale__language_code=language):
            grant_pages(apps, translators, home, TRANSLATOR_PAGE_PERMISSIONS)

    set_up_review_workflow(apps, root, moderators)


def grant_pages(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=page_permission(apps, codename)
        )


def grant_media(apps, group):
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_collection = Collection.objects.get(depth=1)
    for name in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission(apps, name)
        )


def set_up_review_workflow(apps, root, moderators):
    """Wagtail's "Moderators approval" workflow on the root page, with the review task as its step.

    One workflow for every language: it holds for home pages created later too.
    """
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    ReviewTask = apps.get_model("portal.ReviewTask")

    task = ReviewTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = ReviewTask.objects.create(
            name=REVIEW_TASK,
            active=True,
            content_type=ContentType.objects.get_for_model(ReviewTask),
        )
    task.groups.add(moderators)

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    replaced = [link.task for link in WorkflowTask.objects.filter(workflow=workflow)]
    WorkflowTask.objects.filter(workflow=workflow).exclude(task_id=task.pk).delete()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    for old_task in replaced:
        if old_task.pk != task.pk and not WorkflowTask.objects.filter(task=old_task).exists():
            old_task.active = False
            old_task.save(update_fields=["active"])
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def grant_translators_their_language(page):
    """Give the translators of `page`'s language their rights on it: a new home page."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    name = TRANSLATORS.get(page.locale.language_code)
    group = Group.objects.filter(name=name).first() if name else None
    if group is not None:
        grant_pages(apps, group, page, TRANSLATOR_PAGE_PERMISSIONS)


@receiver(post_save, dispatch_uid="roles-translators-home-page")
def home_page_created(sender, instance, created, raw=False, **kwargs):
    from wagtail.models import Page

    # A page's save sends post_save once, for its specific class.
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_translators_their_language(instance)
