"""The glossary and page feedback now belong to their own apps; their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        # After the roles data migration, which grants rights on these models where they were.
        ('portal', '0004_admin_labels'),
        ('feedback', '0001_initial'),
        ('glossary', '0001_initial'),
        ('guides', '0004_admin_labels'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterUniqueTogether(
                    name='glossaryterm',
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name='glossaryterm',
                    name='locale',
                ),
                migrations.RemoveField(
                    model_name='pagefeedback',
                    name='page',
                ),
                migrations.DeleteModel(
                    name='GlossaryPage',
                ),
                migrations.DeleteModel(
                    name='GlossaryTerm',
                ),
                migrations.DeleteModel(
                    name='PageFeedback',
                ),
            ],
        ),
    ]
