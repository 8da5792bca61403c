"""SQLite full-text search (the zero-setup default) that any text typed can safely go through.

modelsearch writes the words of a query into SQLite's FTS5 query language as they are, so a
quote, a star or a bracket typed by a member is a syntax error there. Only words reach it here.
"""

import re

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

NOT_A_WORD = re.compile(r"[^\w\s]+")


def words_only(text):
    # FTS5 operators (AND, OR, NOT, NEAR) are upper case; matching ignores case anyway.
    return " ".join(NOT_A_WORD.sub(" ", text).lower().split())


class SafeQueryMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(words_only(query.query_string), query.operator, query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(words_only(query.query_string))
        return super().build_search_query_content(query, config=config)


class SafeSQLiteSearchQueryCompiler(SafeQueryMixin, SQLiteSearchQueryCompiler):
    pass


class SafeSQLiteAutocompleteQueryCompiler(SafeQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class SafeSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SafeSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SafeSQLiteAutocompleteQueryCompiler
