"""Contact, offices and booklets now belong to the offices app; their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        # After the roles data migration, which grants rights on these models where they were.
        ('portal', '0004_admin_labels'),
        ('offices', '0001_initial'),
        ('home', '0003_admin_labels'),
    ]

    operations = [
        # The tables exist already: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterUniqueTogether(
                    name='officeclosure',
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name='officeclosure',
                    name='locale',
                ),
                migrations.RemoveField(
                    model_name='officeclosure',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='officehours',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='officepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='officeservice',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='officeservice',
                    name='service',
                ),
                migrations.AlterUniqueTogether(
                    name='service',
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name='service',
                    name='locale',
                ),
                migrations.RemoveField(
                    model_name='welcomebookletpage',
                    name='page_ptr',
                ),
                migrations.DeleteModel(
                    name='ContactPage',
                ),
                migrations.DeleteModel(
                    name='OfficeClosure',
                ),
                migrations.DeleteModel(
                    name='OfficeHours',
                ),
                migrations.DeleteModel(
                    name='OfficePage',
                ),
                migrations.DeleteModel(
                    name='OfficeService',
                ),
                migrations.DeleteModel(
                    name='Service',
                ),
                migrations.DeleteModel(
                    name='WelcomeBookletPage',
                ),
            ],
        ),
    ]
