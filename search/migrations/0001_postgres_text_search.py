"""PostgreSQL text search for three languages: accent folding, stemming, trigram and GIN indexes.

Needs the unaccent and pg_trgm extensions (creating them needs a database superuser once). Does
nothing on other databases.
"""

from django.db import migrations

LANGUAGES = {"portal_fr": "french", "portal_nl": "dutch", "portal_en": "english"}
INDEX_TABLE = "wagtailsearch_indexentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        # Immutable wrapper so unaccent can be used in indexes (modelsearch's fuzzy search uses it).
        """CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
           LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
           $func$ SELECT public.unaccent('public.unaccent', $1) $func$""",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_simple",
        "CREATE TEXT SEARCH CONFIGURATION portal_simple (COPY = simple)",
        "ALTER TEXT SEARCH CONFIGURATION portal_simple "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    ]
    for config, language in LANGUAGES.items():
        statements += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}",
            f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {language})",
            f"ALTER TEXT SEARCH CONFIGURATION {config} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem",
        ]
    statements += [
        # The search query matches (title || body); without this every search scans the table.
        f"CREATE INDEX IF NOT EXISTS portal_search_document ON {INDEX_TABLE} "
        "USING gin ((title || body))",
        f"CREATE INDEX IF NOT EXISTS portal_search_autocomplete ON {INDEX_TABLE} "
        "USING gin (autocomplete)",
    ]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS portal_search_document")
        cursor.execute("DROP INDEX IF EXISTS portal_search_autocomplete")
        for config in [*LANGUAGES, "portal_simple"]:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
