"""The review task, moved from the portal app with its tables and data."""

import django.db.models.deletion
from django.db import migrations, models


OLD_APP = 'portal'
NEW_APP = 'workflows'
MODELS = ['reviewtask']


def adopt_content_types(apps, schema_editor):
    # Pages, revisions, translations, search entries and permissions point at content types by
    # id: relabelling them keeps every row that refers to these models.
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=OLD_APP, model__in=MODELS).update(app_label=NEW_APP)


def give_back_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=NEW_APP, model__in=MODELS).update(app_label=OLD_APP)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('portal', '0004_admin_labels'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReviewTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'verbose_name': 'review task',
                        'verbose_name_plural': 'review tasks',
                        'db_table': 'portal_reviewtask',
                    },
                    bases=('wagtailcore.task',),
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
