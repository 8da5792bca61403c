"""Page feedback, moved from the guides app with its table and data."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


OLD_APP = 'guides'
NEW_APP = 'feedback'
MODELS = ['pagefeedback']


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
        # After the roles data migration, which grants rights on these models where they were.
        ('portal', '0004_admin_labels'),
        ('guides', '0004_admin_labels'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PageFeedback',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('fr', 'Français'), ('nl', 'Nederlands'), ('en', 'English')], max_length=5, verbose_name='language')),
                        ('helpful', models.BooleanField(verbose_name='helpful')),
                        ('comment', models.TextField(blank=True, max_length=500, verbose_name='comment')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
                    ],
                    options={
                        'verbose_name': 'page feedback',
                        'verbose_name_plural': 'page feedback',
                        'db_table': 'guides_pagefeedback',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
