"""Glossary pages and terms, moved from the guides app with their tables and data."""

import django.db.models.deletion
import modelsearch.index
import portal.routing
import uuid
from django.conf import settings
from django.db import migrations, models


OLD_APP = 'guides'
NEW_APP = 'glossary'
MODELS = ['glossarypage', 'glossaryterm']


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
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GlossaryPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences shown at the top.', verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'glossary',
                        'verbose_name_plural': 'glossaries',
                        'db_table': 'guides_glossarypage',
                    },
                    bases=(portal.routing.PageRoutingMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='GlossaryTerm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('term', models.CharField(help_text='The word as members meet it.', max_length=100, verbose_name='term')),
                        ('definition', models.TextField(help_text='One to three plain sentences. Say what it means for the member.', verbose_name='definition')),
                        ('variants', models.TextField(blank=True, help_text='Other forms found in texts, one per line: plurals, abbreviations (DA, ONSS), jargon spellings. They are linked to this entry too.', verbose_name='variants')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'glossary term',
                        'verbose_name_plural': 'glossary terms',
                        'db_table': 'guides_glossaryterm',
                        'ordering': ['term'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'term'), name='unique_glossary_term_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
