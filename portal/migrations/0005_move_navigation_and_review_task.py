"""The menu, the footer and the review task now belong to their own apps; their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('workflows', '0001_initial'),
        ('navigation', '0001_initial'),
        ('portal', '0004_admin_labels'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterUniqueTogether(
                    name='sitefooter',
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name='sitefooter',
                    name='locale',
                ),
                migrations.AlterUniqueTogether(
                    name='sitenavigation',
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name='sitenavigation',
                    name='locale',
                ),
                migrations.DeleteModel(
                    name='ReviewTask',
                ),
                migrations.DeleteModel(
                    name='SiteFooter',
                ),
                migrations.DeleteModel(
                    name='SiteNavigation',
                ),
            ],
        ),
    ]
