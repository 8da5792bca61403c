"""Elasticsearch writes, queued in the database and sent after the change commits.

A save never waits on Elasticsearch: the Elasticsearch backend's `add` and `delete` only record
which object changed (`PendingSearchWrite`, in the save's own transaction), and after the commit a
background thread sends what is pending. Each write reads the object as it is then, so sending
one twice, late or out of order still leaves the index right. When Elasticsearch is slow or down
(the circuit breaker is open, or a send fails), writes stay pending and are replayed, oldest
first, by the next send or by `manage.py send_search_writes` (run it from cron every minute).
"""

import logging
import threading
from datetime import timedelta

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone
from modelsearch.index import get_indexed_instance
from wagtail.search.backends import get_search_backend

from . import circuit_breaker
from .models import PendingSearchWrite

logger = logging.getLogger(__name__)

BATCH = 500
KEEP_SENT = timedelta(days=1)

_sender_lock = threading.Lock()
_more_to_send = threading.Event()
_senders = []


def queue_write(obj):
    """Record that `obj` changed (saved or deleted); send it once the transaction commits."""
    PendingSearchWrite.objects.bulk_create(
        [
            PendingSearchWrite(
                model=obj._meta.label, object_id=str(obj.pk), queued_at=timezone.now()
            )
        ],
        update_conflicts=True,
        unique_fields=["model", "object_id"],
        update_fields=["queued_at", "sent_at"],
    )
    transaction.on_commit(send_in_background)


def send_in_background():
    """Send pending writes on a thread of their own, unless one is already at it."""
    _more_to_send.set()
    if not _sender_lock.acquire(blocking=False):
        return  # The running sender sees the flag and reads the queue again.
    thread = threading.Thread(target=_send_then_release, daemon=True, name="search-writes")
    _senders.append(thread)
    thread.start()


def _send_then_release():
    try:
        while _more_to_send.is_set():
            _more_to_send.clear()
            send_all_pending()
    except Exception:
        logger.exception("Sending search writes failed; they stay pending.")
    finally:
        connection.close()
        _sender_lock.release()
    if _more_to_send.is_set():
        send_in_background()  # Queued between the last read and the release.


def wait_for_background_sends(timeout=10):
    """Block until the background senders started so far have finished (for tests and commands)."""
    while _senders:
        _senders.pop().join(timeout)


def send_pending_writes(limit=BATCH, since=None):
    """Send up to `limit` pending writes, oldest first; returns how many were sent.

    `since`: also resend writes already sent at or after that time (a rebuild's catch-up, which
    goes ahead whatever the circuit breaker says: the rebuild has just reached Elasticsearch).
    Stops at the first failure, leaving the rest pending, and opens the circuit breaker.
    """
    backend = get_search_backend("default")
    if not hasattr(backend, "write_now") or (since is None and circuit_breaker.is_open()):
        return 0
    rows = PendingSearchWrite.objects.filter(sent_at=None)
    if since is not None:
        rows = PendingSearchWrite.objects.filter(queued_at__gte=since)
    sent = 0
    rebuilds = backend.rebuilds_under_way()
    for row in rows.order_by("queued_at")[:limit]:
        try:
            send_one(backend, row, rebuilds)
        except circuit_breaker.BACKEND_ERRORS as error:
            circuit_breaker.trip()
            logger.warning("Elasticsearch did not take a write (%r); it stays pending.", error)
            break
        # Only if it did not change again meanwhile: a newer change must still be sent.
        PendingSearchWrite.objects.filter(pk=row.pk, queued_at=row.queued_at).update(
            sent_at=timezone.now()
        )
        sent += 1
    return sent


def send_all_pending():
    """Send every pending write, batch after batch, then forget the writes sent over a day ago
    (kept that long for a rebuild's catch-up); returns how many were sent."""
    total = 0
    while sent := send_pending_writes():
        total += sent
    PendingSearchWrite.objects.filter(sent_at__lt=timezone.now() - KEEP_SENT).delete()
    return total


def send_one(backend, row, rebuilds):
    try:
        model = apps.get_model(row.model)
    except LookupError:
        return  # A model removed since: nothing of it is indexed any more.
    obj = model._default_manager.filter(pk=row.object_id).first()
    indexed = get_indexed_instance(obj) if obj is not None else None
    if indexed is None:
        backend.write_now(model(pk=row.object_id), deleted=True, rebuilds=rebuilds)
    else:
        backend.write_now(indexed, deleted=False, rebuilds=rebuilds)
