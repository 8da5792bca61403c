"""The query sent to the search backend: the words as typed, or with any glossary wording they
name swapped for its other wordings (glossary.synonyms)."""

from modelsearch.query import Or, PlainText

from glossary.synonyms import query_wordings


def build_query(query, terms, operator="and"):
    """Any wording of the query, each with all its words required (or any, with 'or')."""
    alternatives = [
        PlainText(wording, operator=operator) for wording in query_wordings(query, terms)
    ]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)
