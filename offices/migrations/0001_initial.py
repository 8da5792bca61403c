"""Contact, offices, services and welcome booklets, moved from the home app with their tables."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import offices.models.offices
import portal.routing
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


OLD_APP = 'home'
NEW_APP = 'offices'
MODELS = ['contactpage', 'officepage', 'welcomebookletpage', 'officehours', 'service', 'officeservice', 'officeclosure']


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
        ('home', '0003_admin_labels'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContactPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences: who to ask first, and what this page lists.', verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'contact page',
                        'verbose_name_plural': 'contact pages',
                        'db_table': 'home_contactpage',
                    },
                    bases=(portal.routing.PageRoutingMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='OfficePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences: who this office is for.', verbose_name='introduction')),
                        ('street_address', models.CharField(help_text='Street and number, as on a letter.', max_length=200, verbose_name='street address')),
                        ('postal_code', models.CharField(max_length=10, verbose_name='postal code')),
                        ('locality', models.CharField(max_length=100, verbose_name='town or city')),
                        ('phone', models.CharField(help_text='As people dial it: +32 2 000 12 34.', max_length=30, verbose_name='phone')),
                        ('email', models.EmailField(max_length=254, verbose_name='email address')),
                        ('time_zone', models.CharField(default='Europe/Brussels', help_text="The office's hours are in this time zone; 'open now' is computed in it.", max_length=64, validators=[offices.models.offices.validate_time_zone], verbose_name='time zone')),
                        ('directions', models.TextField(blank=True, help_text='Public transport, parking, step-free access, which floor.', verbose_name='getting there')),
                    ],
                    options={
                        'verbose_name': 'office',
                        'verbose_name_plural': 'offices',
                        'db_table': 'home_officepage',
                    },
                    bases=(portal.routing.PageRoutingMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='WelcomeBookletPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('edition_year', models.PositiveSmallIntegerField(help_text='The year of this edition. Check the booklet and change it every year.', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='edition year')),
                        ('welcome', wagtail.fields.RichTextField(help_text='A short word of welcome from the office team: who they are, what comes first.', verbose_name='welcome')),
                        ('cooperative', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('callout', 4), ('figure', 7)], block_lookup={0: ('portal.blocks.HeadingBlock', (), {}), 1: ('portal.blocks.ParagraphBlock', (), {}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Good to know'), ('warning', 'Important')], 'help_text': "'Important' is for deadlines and things that cost money if missed.", 'label': 'Kind'}), 3: ('portal.blocks.ParagraphBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Text'}), 4: ('wagtail.blocks.StructBlock', [[('kind', 2), ('text', 3)]], {}), 5: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 5), ('caption', 6)]], {})}, help_text='The cooperative in plain words: who owns it, who does what, where the money goes.', verbose_name='how the cooperative works')),
                        ('taking_part', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('callout', 4), ('figure', 7)], block_lookup={0: ('portal.blocks.HeadingBlock', (), {}), 1: ('portal.blocks.ParagraphBlock', (), {}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Good to know'), ('warning', 'Important')], 'help_text': "'Important' is for deadlines and things that cost money if missed.", 'label': 'Kind'}), 3: ('portal.blocks.ParagraphBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Text'}), 4: ('wagtail.blocks.StructBlock', [[('kind', 2), ('text', 3)]], {}), 5: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 5), ('caption', 6)]], {})}, help_text='How to take part: becoming a shareholder, the general assembly, working groups.', verbose_name='taking part')),
                    ],
                    options={
                        'verbose_name': 'welcome booklet',
                        'verbose_name_plural': 'welcome booklets',
                        'db_table': 'home_welcomebookletpage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, portal.routing.PageRoutingMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='OfficeHours',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('weekday', models.PositiveSmallIntegerField(choices=[(0, 'Monday'), (1, 'Tuesday'), (2, 'Wednesday'), (3, 'Thursday'), (4, 'Friday'), (5, 'Saturday'), (6, 'Sunday')], verbose_name='day')),
                        ('opens', models.TimeField(help_text='For example 09:00.', verbose_name='opens at')),
                        ('closes', models.TimeField(help_text='For example 12:30.', verbose_name='closes at')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='hours', to='offices.officepage')),
                    ],
                    options={
                        'verbose_name': 'opening hours',
                        'verbose_name_plural': 'opening hours',
                        'db_table': 'home_officehours',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Service',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text="As members know it: 'Salaries'.", max_length=100, verbose_name='name')),
                        ('handles', models.TextField(help_text="One or two sentences, starting from the member's question.", verbose_name='what it handles')),
                        ('how_to_reach', models.TextField(blank=True, help_text='When to call, how quickly it answers, what to have at hand.', verbose_name='how best to reach it')),
                        ('phone', models.CharField(blank=True, help_text='As people dial it.', max_length=30, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email address')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Services are listed from the smallest number to the largest.')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'service',
                        'verbose_name_plural': 'services',
                        'db_table': 'home_service',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='OfficeService',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='services', to='offices.officepage')),
                        ('service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='offices.service', verbose_name='service')),
                    ],
                    options={
                        'verbose_name': 'office service',
                        'verbose_name_plural': 'office services',
                        'db_table': 'home_officeservice',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='OfficeClosure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('start_date', models.DateField(verbose_name='first day closed')),
                        ('end_date', models.DateField(help_text='The same day for a one-day closure.', verbose_name='last day closed')),
                        ('reason', models.CharField(help_text="For example 'Christmas holidays'.", max_length=150, verbose_name='reason')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='closures', to='offices.officepage')),
                    ],
                    options={
                        'verbose_name': 'closure',
                        'verbose_name_plural': 'closures',
                        'db_table': 'home_officeclosure',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
