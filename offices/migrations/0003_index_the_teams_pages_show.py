"""Contact and office pages now also index the teams they show (offices.search_text): index the
existing ones again, so a team's name finds them without a full `update_index`."""

from django.db import migrations


def index_pages_again(apps, schema_editor):
    # The search index is built from the current model's search fields, not from a historical
    # model: this only rewrites derived data, and does nothing on an empty database.
    from modelsearch.index import insert_or_update_object

    from offices.models import ContactPage, OfficePage

    for model in (ContactPage, OfficePage):
        for page in model.objects.all():
            insert_or_update_object(page)


class Migration(migrations.Migration):
    dependencies = [("offices", "0002_office_place_and_photo")]

    operations = [migrations.RunPython(index_pages_again, migrations.RunPython.noop)]
