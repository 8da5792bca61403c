"""Counting what members search for and which result they choose, so editors see what they look
for and don't find. Only counts per query, language and day: nothing about who searched."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchQueryLog, SearchResultClick


def normalise(query):
    return " ".join(query.lower().split())[:200]


def log_search(query, language, result_count, cannot_answer=False):
    """Count one search of `query` in `language` today, with its number of results, and
    whether it ended on "we may not have the answer here"."""
    query = normalise(query)
    if not query:
        return
    count_once(
        SearchQueryLog,
        {"query": query, "language": language, "day": timezone.localdate()},
        {"searches": 1, "results": result_count, "cannot_answer": int(cannot_answer)},
        searches=F("searches") + 1,
        results=result_count,
        cannot_answer=F("cannot_answer") + int(cannot_answer),
    )


def log_click(query, language, position, kind, path):
    """Count one click today on the result at `position` (`kind`, at `path`) for `query`."""
    count_once(
        SearchResultClick,
        {
            "query": normalise(query),
            "language": language,
            "day": timezone.localdate(),
            "position": position,
            "path": path,
        },
        {"clicks": 1, "kind": kind},
        clicks=F("clicks") + 1,
        kind=kind,
    )


def count_once(model, key, first, **changes):
    """Apply `changes` to the row of `model` at `key`, or create it with the values `first`."""
    rows = model.objects.filter(**key)
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **first)
    except IntegrityError:
        # Another request created the row first: count this one on it.
        rows.update(**changes)
