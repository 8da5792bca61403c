"""Communication (who organises the events) and Moderators see who registered; nobody edits a
registration in the admin: people register and cancel from the public site."""

from django.db import migrations

GRANTS = {"Communication": ["view_registration"], "Moderators": ["view_registration"]}


def ensure_permissions(apps):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def set_up(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_agenda"),
        ("directory", "0002_roles_and_review"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
