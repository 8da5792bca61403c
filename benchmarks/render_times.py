"""SQL queries and server render time per page type, in-process, page cache off.

Each page is requested once to warm the per-process caches, then counted once, then timed 50
times; the median is reported. Run through `make bench` (benchmarks/run.py).
"""

import statistics
import time

from django.db import connection
from django.test import Client, override_settings

RUNS = 50


class QueryCounter:
    """Counts the queries run through the connection; unlike CaptureQueriesContext, it survives
    the connection being closed and reopened between requests, as production settings do."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def get(client, address):
    # Production settings redirect plain HTTP; the proxy's header says HTTPS.
    return client.get(address, secure=True)


def measure(addresses, user=None):
    """{page type: (queries, median milliseconds)}, as `user` when given, else as a visitor."""
    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user)
    results = {}
    # One process, so what it keeps about content is what every worker of a deployment with
    # Redis keeps (production turns CONTENT_MEMO off only without Redis).
    with override_settings(PAGE_CACHE_SECONDS=0, CONTENT_MEMO=True):
        for name, address in addresses.items():
            get(client, address)
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                get(client, address)
            durations = []
            for _ in range(RUNS):
                start = time.perf_counter()
                get(client, address)
                durations.append((time.perf_counter() - start) * 1000)
            results[name] = (counter.count, statistics.median(durations))
    return results
