"""Stops asking Elasticsearch for a while once it has failed or been too slow to answer.

Without it every search pass waits the whole client timeout again: a slow Elasticsearch would
hold each gunicorn worker for seconds per search, although the database index beside it can
answer at once. The state lives in the default cache (Redis in production), so one failure
spares every worker, not only the one that met it.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import BulkIndexError
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


class PartialResults(Exception):
    """Elasticsearch answered from some shards only, or ran out of time: results are missing."""


class PartialWrite(Exception):
    """Elasticsearch took some operations of a bulk request and refused others."""


# What Elasticsearch can fail with. KeyError: hits without the fields the backend reads, as from an
# index Elasticsearch created by itself with a mapping guessed from one document. BulkIndexError:
# the bulk helper's refused documents (a rebuild's batches).
BACKEND_ERRORS = (TransportError, ApiError, KeyError, PartialResults, PartialWrite, BulkIndexError)

UNAVAILABLE_UNTIL = "search:elasticsearch-unavailable-until"
PROBING = "search:elasticsearch-probing"
# How long the breaker remembers a failure at most; it closes earlier, when a probe succeeds.
REMEMBER_SECONDS = 24 * 60 * 60
PROBE_SECONDS = 10

_probes = []


def is_open():
    """True while searches should skip Elasticsearch and go straight to the database.

    Once the rest after a failure is over, a background probe asks Elasticsearch whether it is
    back; searches keep going to the database until it has answered, so no member waits on it.
    """
    until = cache.get(UNAVAILABLE_UNTIL)
    if until is None:
        return False
    if until <= time.time() and cache.add(PROBING, True, timeout=PROBE_SECONDS):
        # cache.add: one probe at a time across every worker.
        probe = threading.Thread(target=probe_elasticsearch, daemon=True, name="search-probe")
        _probes.append(probe)
        probe.start()
    return True


def probe_if_due():
    """Probe Elasticsearch now, in this thread, if the rest after a failure is over (for
    commands, which can wait; searches probe in the background)."""
    until = cache.get(UNAVAILABLE_UNTIL)
    if until is not None and until <= time.time() and cache.add(PROBING, True, PROBE_SECONDS):
        probe_elasticsearch()


def trip():
    """Skip Elasticsearch for the next SEARCH_BREAKER_SECONDS, then until a probe finds it back."""
    cache.set(
        UNAVAILABLE_UNTIL, time.time() + settings.SEARCH_BREAKER_SECONDS, timeout=REMEMBER_SECONDS
    )


def close():
    cache.delete_many([UNAVAILABLE_UNTIL, PROBING])


def probe_elasticsearch():
    """One small search of the pages' indexes, as members' searches would ask: closes the breaker
    if it answers in time and in full, trips it again otherwise."""
    try:
        backend = get_search_backend("default")
        answer = backend.es.search(
            index=backend.get_index_for_model(Page).name,
            size=0,
            allow_partial_search_results=False,
        )
        if answer.get("timed_out") or answer.get("_shards", {}).get("failed"):
            raise PartialResults(str(answer.get("_shards")))
    except BACKEND_ERRORS as error:
        logger.info("Elasticsearch is still unavailable (%r).", error)
        trip()
    else:
        logger.warning("Elasticsearch answers again; searches go back to it.")
        cache.delete(UNAVAILABLE_UNTIL)
    finally:
        cache.delete(PROBING)


def wait_for_probes(timeout=10):
    """Block until the probes started so far have finished (for tests and benchmarks)."""
    while _probes:
        _probes.pop().join(timeout)
