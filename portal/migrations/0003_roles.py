"""The ReviewTask model, then the staff roles as they were set up when this migration was written.

What the roles data migration sets up is frozen here, with the historical models: later changes
to `workflows.roles` must not change what an old migration did.
"""

from django.utils.translation import gettext_noop

COMMUNICATION = "Communication"
MODERATORS = "Moderators"
TRANSLATORS = {"fr": "Translators FR", "nl": "Translators NL", "en": "Translators EN"}

import django.db.models.deletion
from django.db import migrations, models



# Stored in English, shown in the staff member's language (workflows/admin_language.py).
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


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("portal", "0002_site_navigation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("guides", "0002_faq_level_switch_page_feedback"),
        ("home", "0002_offices"),
        ("news", "0001_initial"),
        ("search", "0003_search_query_log"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text=(
                            "Pages/snippets at this step in a workflow will be moderated or "
                            "approved by these groups of users"
                        ),
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "review task",
                "verbose_name_plural": "review tasks",
            },
            bases=("wagtailcore.task",),
        ),
        # Undoing leaves the groups in place: they may have members by then.
        migrations.RunPython(set_up_roles, migrations.RunPython.noop),
    ]
