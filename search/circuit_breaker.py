"""Stops asking Elasticsearch for a while once it has failed or been too slow to answer.

Without it every search pass waits the whole client timeout again: a slow Elasticsearch would
hold each gunicorn worker for seconds per search, although the database index beside it can
answer at once. The state lives in the default cache (Redis in production), so one failure
spares every worker, not only the one that met it.
"""

import time

from django.conf import settings
from django.core.cache import cache

UNAVAILABLE_UNTIL = "search:elasticsearch-unavailable-until"


def is_open():
    """True while searches should skip Elasticsearch and go straight to the database."""
    return (cache.get(UNAVAILABLE_UNTIL) or 0) > time.time()


def trip():
    """Skip Elasticsearch for the next SEARCH_BREAKER_SECONDS; then one search tries it again."""
    seconds = settings.SEARCH_BREAKER_SECONDS
    cache.set(UNAVAILABLE_UNTIL, time.time() + seconds, timeout=seconds)
