"""FAQ questions are now also indexed with their question as title (guides.models.FAQQuestion
.search_fields): index the existing ones again, so they rank as new ones do without a full
`update_index`."""

from django.db import migrations


def index_questions_again(apps, schema_editor):
    # The search index is built from the current model's search fields, not from a historical
    # model: this only rewrites derived data, and does nothing on an empty database.
    from modelsearch.index import insert_or_update_object

    from guides.models import FAQQuestion

    for question in FAQQuestion.objects.all():
        insert_or_update_object(question)


class Migration(migrations.Migration):
    dependencies = [("guides", "0005_move_glossary_and_feedback")]

    operations = [migrations.RunPython(index_questions_again, migrations.RunPython.noop)]
