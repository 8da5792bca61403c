"""The locale of each index entry, in the indexes: a search in one language reads only its own
entries, however the table's rows lie on disk.

A column on modelsearch's table, unknown to its model: the portal's index writes it
(MultilingualPostgresIndex.record_locale) and its search reads it. Multicolumn GIN indexes
(btree_gin) match the locale and the words in one index scan; `portal_search_document` still
serves a match without a locale. Existing entries take their object's locale here. Does nothing
on other databases.
"""

from django.apps import apps as current_apps
from django.core.exceptions import FieldDoesNotExist
from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"
CREATE = [
    # Trusted since PostgreSQL 13: the database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    f"ALTER TABLE {INDEX_TABLE} ADD COLUMN IF NOT EXISTS locale_id integer",
]
INDEXES = [
    "DROP INDEX IF EXISTS portal_search_document",
    f"CREATE INDEX portal_search_document ON {INDEX_TABLE} USING gin (locale_id, (title || body))",
    f"CREATE INDEX IF NOT EXISTS portal_search_title ON {INDEX_TABLE} USING gin (locale_id, title)",
]
DROP = [
    "DROP INDEX IF EXISTS portal_search_title",
    "DROP INDEX IF EXISTS portal_search_document",
    f"CREATE INDEX portal_search_document ON {INDEX_TABLE} USING gin ((title || body))",
    f"ALTER TABLE {INDEX_TABLE} DROP COLUMN IF EXISTS locale_id",
]


def fill_locales(cursor, content_type_model):
    """Copy each entry's locale from its object's table, for every model with a locale."""
    cursor.execute(f"SELECT DISTINCT content_type_id FROM {INDEX_TABLE}")  # noqa: S608
    content_type_ids = [row[0] for row in cursor.fetchall()]
    for content_type in content_type_model.objects.filter(pk__in=content_type_ids):
        # The models as they are now: the entries were written from them, and a historical
        # model exists only for the apps this migration depends on.
        try:
            model = current_apps.get_model(content_type.app_label, content_type.model)
            locale = model._meta.get_field("locale")
        except (LookupError, FieldDoesNotExist):
            continue
        table = locale.model._meta
        cursor.execute(
            f"UPDATE {INDEX_TABLE} entry SET locale_id = object.{locale.column}"  # noqa: S608
            f" FROM {table.db_table} object"
            f" WHERE entry.content_type_id = %s AND entry.object_id = object.{table.pk.column}::text",
            [content_type.pk],
        )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in CREATE:
            cursor.execute(statement)
        fill_locales(cursor, apps.get_model("contenttypes", "ContentType"))
        for statement in INDEXES:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_result_clicks"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
