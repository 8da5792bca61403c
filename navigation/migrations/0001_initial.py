"""The menu and footer snippets, moved from the portal app with their tables and data."""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.db import migrations, models


OLD_APP = 'portal'
NEW_APP = 'navigation'
MODELS = ['sitenavigation', 'sitefooter']


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
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SiteFooter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('about', models.TextField(help_text='Two sentences at most on who we are, shown first in the footer.', max_length=400, verbose_name='about')),
                        ('help_note', models.TextField(blank=True, help_text='Where members get help. Leave empty to leave it out.', max_length=400, verbose_name='help note')),
                        ('link_groups', wagtail.fields.StreamField([('group', 5)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'The title above the links.', 'label': 'Heading', 'max_length': 60}), 1: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Choose the page in French: readers get it in their own language.', 'label': 'Page'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short name for the link.', 'label': 'Label', 'max_length': 60}), 3: ('wagtail.blocks.StructBlock', [[('page', 1), ('label', 2)]], {}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'Links'}), 5: ('wagtail.blocks.StructBlock', [[('heading', 0), ('links', 4)]], {})}, help_text='Groups of links, each under its own title.', verbose_name='link groups')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'footer',
                        'verbose_name_plural': 'footers',
                        'db_table': 'portal_sitefooter',
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='SiteNavigation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('links', wagtail.fields.StreamField([('link', 2)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Choose the page in French: readers get it in their own language.', 'label': 'Page'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short name for the link.', 'label': 'Label', 'max_length': 60}), 2: ('wagtail.blocks.StructBlock', [[('page', 0), ('label', 1)]], {})}, help_text='The links of the main menu, in the order shown. Keep it to six or fewer.', verbose_name='links')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'main menu',
                        'verbose_name_plural': 'main menus',
                        'db_table': 'portal_sitenavigation',
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
