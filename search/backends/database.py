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
    return ModelsearchDatabaseBackend(params)
