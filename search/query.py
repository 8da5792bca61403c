"""The query sent to the search backend: the words as typed, or with any glossary wording they
name swapped for its other wordings (glossary.synonyms)."""

import re

from django.db import connection
from modelsearch.query import Or, PlainText

from glossary.synonyms import query_wordings


def build_query(query, terms, operator="and"):
    """Any wording of the query, each with all its words required (or any, with 'or')."""
    alternatives = [
        PlainText(wording, operator=operator) for wording in query_wordings(query, terms)
    ]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def significant_words(query, language):
    """The words of `query` a search can match: on PostgreSQL, without the language's stop
    words ('je', 'mijn', 'the'), which match nothing on their own."""
    words = list(dict.fromkeys(re.findall(r"\w+", query.lower())))
    if connection.vendor != "postgresql" or not words:
        return words
    # Imported here: the PostgreSQL backend module needs PostgreSQL's driver.
    from .backends.postgres import analysed_wordings, config_for_language

    analysed = analysed_wordings(config_for_language(language), tuple(words))
    return [word for word, lexemes in zip(words, analysed, strict=True) if lexemes]
