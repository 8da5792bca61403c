"""Who does what in the directory, and profiles reviewed through the "Moderators approval" workflow.

Communication and the translators keep the trades and skills list as they keep the glossary
(each translator in their language, through wagtail-localize). Moderators review profiles (change,
publish: approving a review publishes it; unpublish takes a profile down) and handle reports.
Nobody in the admin adds a profile: members write their own (directory/wagtail_hooks.py).
"""

from django.db import migrations

COMMUNICATION = "Communication"
MODERATORS = "Moderators"
TRANSLATORS = ["Translators FR", "Translators NL", "Translators EN"]
WORKFLOW = "Moderators approval"

GRANTS = {
    COMMUNICATION: ["add_skill", "change_skill", "delete_skill"],
    MODERATORS: [
        "view_memberprofile",
        "change_memberprofile",
        "publish_memberprofile",
        "view_abusereport",
        "change_abusereport",
    ],
    **{name: ["add_skill", "change_skill"] for name in TRANSLATORS},
}


def ensure_permissions(apps):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("directory")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def set_up(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")

    profile_type = ContentType.objects.get_for_model(apps.get_model("directory.MemberProfile"))
    # Wagtail adds it after the last migration (wagtail.snippets.models.create_extra_permissions).
    Permission.objects.get_or_create(
        content_type=profile_type,
        codename="publish_memberprofile",
        defaults={"name": "Can publish member profile"},
    )
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="directory", codename__in=codenames
                )
            )
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(
            content_type=profile_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("portal", "0005_move_navigation_and_review_task"),
        ("workflows", "0001_initial"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
