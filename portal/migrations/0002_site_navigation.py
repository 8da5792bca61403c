from django.db import migrations, models
import django.db.models.deletion
import uuid
import wagtail.fields


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_create_locales"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.CreateModel(
            name="SiteFooter",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "about",
                    models.TextField(
                        help_text="Two sentences at most on who we are, shown first in the footer.",
                        max_length=400,
                    ),
                ),
                (
                    "help_note",
                    models.TextField(
                        blank=True,
                        help_text="Where members get help. Leave empty to leave it out.",
                        max_length=400,
                    ),
                ),
                (
                    "link_groups",
                    wagtail.fields.StreamField(
                        [("group", 5)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "The title above the links.", "max_length": 60},
                            ),
                            1: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "help_text": "Choose the page in French: readers get it in their own language."
                                },
                            ),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "A short name for the link.", "max_length": 60},
                            ),
                            3: ("wagtail.blocks.StructBlock", [[("page", 1), ("label", 2)]], {}),
                            4: ("wagtail.blocks.ListBlock", (3,), {}),
                            5: ("wagtail.blocks.StructBlock", [[("heading", 0), ("links", 4)]], {}),
                        },
                        help_text="Groups of links, each under its own title.",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer",
                "verbose_name_plural": "footers",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.CreateModel(
            name="SiteNavigation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "links",
                    wagtail.fields.StreamField(
                        [("link", 2)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "help_text": "Choose the page in French: readers get it in their own language."
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "A short name for the link.", "max_length": 60},
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("page", 0), ("label", 1)]], {}),
                        },
                        help_text="The links of the main menu, in the order shown. Keep it to six or fewer.",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "main menu",
                "verbose_name_plural": "main menus",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
    ]
