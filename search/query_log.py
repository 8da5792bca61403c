"""Counting what members search for, so editors see what they look for and don't find."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchQueryLog


def normalise(query):
    return " ".join(query.lower().split())[:200]


def log_search(query, language, result_count):
    """Count one search of `query` in `language` today, with its number of results."""
    query = normalise(query)
    if not query:
        return
    today = timezone.localdate()
    rows = SearchQueryLog.objects.filter(query=query, language=language, day=today)
    if rows.update(searches=F("searches") + 1, results=result_count):
        return
    try:
        with transaction.atomic():
            SearchQueryLog.objects.create(
                query=query, language=language, day=today, searches=1, results=result_count
            )
    except IntegrityError:
        # Another request logged the same query first: count this one on its row.
        rows.update(searches=F("searches") + 1, results=result_count)
