"""The database search backend: language-aware on PostgreSQL, modelsearch's own elsewhere.

Set as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends.database". On SQLite (the
zero-setup default) matching is simpler: no stemming per language, no accent folding.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as ModelsearchDatabaseBackend


def SearchBackend(params):  # noqa: N802 - modelsearch looks for this name in a backend module
    if connection.vendor == "postgresql":
        from .postgres import MultilingualPostgresSearchBackend

        return MultilingualPostgresSearchBackend(params)
    backend = ModelsearchDatabaseBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import SafeSQLiteSearchBackend

        # With FTS5 available; without it modelsearch's plain fallback needs no escaping.
        if isinstance(backend, SQLiteSearchBackend):
            return SafeSQLiteSearchBackend(params)
    return backend
