"""Indexes the bounded search query needs on PostgreSQL, and one duplicate index less.

modelsearch keys index entries by a text `object_id` and joins them to pages on
`object_id = page.id::varchar(50)`: neither side of that join had an index, so finding the
entry of a page, or the page of an entry, scanned a table. `portal_search_autocomplete`
(migration 0001) duplicated modelsearch's own GIN index on `autocomplete`. Does nothing on
other databases.
"""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"
CREATE = [
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_object ON {INDEX_TABLE} (object_id)",
    # The expression must be the one modelsearch's join emits, cast included.
    "CREATE INDEX IF NOT EXISTS portal_search_page_id_text "
    "ON wagtailcore_page (((id)::varchar(50)))",
    "DROP INDEX IF EXISTS portal_search_autocomplete",
]
DROP = [
    "DROP INDEX IF EXISTS portal_search_entry_object",
    "DROP INDEX IF EXISTS portal_search_page_id_text",
    f"CREATE INDEX IF NOT EXISTS portal_search_autocomplete ON {INDEX_TABLE} "
    "USING gin (autocomplete)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_query_log"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
