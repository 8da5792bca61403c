"""Elasticsearch's cost to a member: requests per search page, searches while it is slow or down,
and writes replayed after an outage. Figures go to docs/benchmarks.md.

No Elasticsearch server runs here: the recording stand-in (tests/search/elasticsearch_stand_in.py)
plays it, so the times with Elasticsearch *up* say nothing of a real cluster; what this measures is
what the portal itself does around it. Run on a database holding the demo site:
`DATABASE_URL=… python benchmarks/search_elasticsearch.py` (`make bench-elasticsearch`).
"""

import os
import statistics
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from guides.models import GuidePage  # noqa: E402
from search import circuit_breaker, search_writes  # noqa: E402
from search.models import PendingSearchWrite  # noqa: E402
from tests.search.elasticsearch_stand_in import elasticsearch_stand_in  # noqa: E402

REPORT = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- search-elasticsearch:start -->", "<!-- search-elasticsearch:end -->"
QUERIES = [
    ("fr", "facture"),
    ("fr", "note de frais"),
    ("nl", "factuur"),
    ("nl", "onkostennota"),
    ("en", "invoice"),
    ("en", "copyright agreement"),
]
RUNS = 10
CLOSED_PORT = "http://127.0.0.1:9"
TIMEOUT = 1.5


def backends(url=None):
    database = {"BACKEND": "search.backends.database"}
    if url is None:
        return {"default": database}
    elasticsearch = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [url],
        "INDEX_PREFIX": "portal_bench_",
        "TIMEOUT": TIMEOUT,
        "OPTIONS": {"max_retries": 0},
    }
    return {"default": elasticsearch, "database": database}


def search(client, language, query):
    start = time.perf_counter()
    response = client.get(f"/{language}/search/", {"q": query})
    if response.status_code != 200:
        raise RuntimeError(f"search {query!r} answered {response.status_code}")
    return (time.perf_counter() - start) * 1000


def percentiles(durations):
    durations = sorted(durations)
    return statistics.median(durations), durations[int(len(durations) * 0.95) - 1]


def interleaved_searches(client, cases):
    """{case: (median, p95) ms}: each query searched under every case in turn, RUNS times, so
    the machine's noise falls on every case alike. `cases` maps a name to search settings."""
    durations = {name: [] for name in cases}
    for run in range(RUNS + 1):
        for language, query in QUERIES:
            for name, search_backends in cases.items():
                with override_settings(WAGTAILSEARCH_BACKENDS=search_backends):
                    duration = search(client, language, query)
                if run:  # The first pass warms every case up.
                    durations[name].append(duration)
    return {name: percentiles(values) for name, values in durations.items()}


def requests_per_page(client, stand_in):
    counts = {}
    for language, query in QUERIES:
        stand_in.forget_requests()
        search(client, language, query)
        counts[f"{language}: {query}"] = len(stand_in.requests_to("/_search"))
    return counts


def first_search(client, url):
    """ms of the search that meets the fault (and opens the breaker)."""
    circuit_breaker.close()
    with override_settings(WAGTAILSEARCH_BACKENDS=backends(url)):
        first = search(client, "fr", "facture")
    if not circuit_breaker.is_open():
        raise RuntimeError("the first failure should have opened the circuit breaker")
    return first


def replayed_writes(count=20):
    """Publish `count` guides while Elasticsearch is down, then bring it back: how many
    writes were pending, how many were replayed, how many documents ended up right. Rolled back."""
    guides = list(GuidePage.objects.live().filter(locale__language_code="en")[:count])
    with transaction.atomic():
        with override_settings(WAGTAILSEARCH_BACKENDS=backends(CLOSED_PORT)):
            for guide in guides:
                guide.title = f"{guide.title} (revised)"
                guide.save_revision().publish()
            search_writes.send_pending_writes()
            pending = PendingSearchWrite.objects.filter(sent_at=None).count()
        circuit_breaker.close()
        with (
            elasticsearch_stand_in() as stand_in,
            override_settings(WAGTAILSEARCH_BACKENDS=backends(stand_in.url)),
        ):
            call_command("update_index", backend_name="default", schema_only=True, verbosity=0)
            replayed = search_writes.send_all_pending()
            documents = {
                document_id: document
                for name in stand_in.concrete("portal_bench_wagtailcore_page_en")
                for document_id, document in stand_in.indices[name].documents.items()
            }
            right = sum(
                1
                for guide in guides
                if str(documents.get(str(guide.pk), {}).get("title", "")).endswith("(revised)")
            )
        transaction.set_rollback(True)
    return {"published": len(guides), "pending": pending, "replayed": replayed, "right": right}


def report(figures):
    steady, first, requests, writes = (
        figures["steady"],
        figures["first"],
        figures["requests"],
        figures["writes"],
    )
    database = steady["database"]
    lines = [
        START,
        "## Search with Elasticsearch slow or down",
        "",
        "`make bench-elasticsearch` (`benchmarks/search_elasticsearch.py`): search pages of the",
        f"demo site through the test client, {RUNS} runs of {len(QUERIES)} queries per case,",
        "the cases interleaved query by query, with",
        "Elasticsearch played by the recording stand-in (no server can run here), a",
        f"{TIMEOUT} s request timeout, and the database index answering when the circuit breaker",
        f"is open. Measured {time.strftime('%Y-%m-%d')}; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.",
        "",
        "| Case | First search (ms) | Then: median (ms) | p95 (ms) | Median / database only |",
        "| --- | --- | --- | --- | --- |",
        f"| Database only | | {database[0]:.0f} | {database[1]:.0f} | 100% |",
    ]
    for name, case in [("Elasticsearch down", "down"), ("Elasticsearch slow", "slow")]:
        median, p95 = steady[case]
        lines.append(
            f"| {name} | {first[case]:.0f} | {median:.0f} | {p95:.0f} "
            f"| {median / database[0]:.0%} |"
        )
    lines += [
        "",
        "Down: a closed port. Slow: the stand-in holds every answer 5 s, longer than the",
        "timeout. The first search meets the fault and opens the breaker; the next ones go",
        "straight to the database. Aim: within 10% of the database-only median once it is open.",
        "Before the breaker, each pass of a search page waited the whole 5 s timeout: 5.1 s for",
        "a search the database could answer, 20.2 s for one that found nothing.",
        "",
        "**Search requests per search page** (stand-in up, every kind of result and the spelling",
        "check): " + ", ".join(f"{query} {count}" for query, count in requests.items()) + ".",
        "",
        f"**Writes during an outage**: {writes['published']} guides published while Elasticsearch",
        f"was down left {writes['pending']} writes pending; once it was back, "
        f"`send_search_writes` replayed {writes['replayed']}, and {writes['right']} of "
        f"{writes['published']} documents held the new titles (rolled back afterwards).",
        END,
    ]
    return "\n".join(lines)


def write_section(section):
    text = REPORT.read_text()
    if START not in text:
        text = text.rstrip() + "\n\n" + START + "\n" + END + "\n"
    before, rest = text.split(START, 1)
    REPORT.write_text(before + section + rest.split(END, 1)[1])


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    figures = {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        with elasticsearch_stand_in() as stand_in:
            with override_settings(WAGTAILSEARCH_BACKENDS=backends(stand_in.url)):
                call_command("update_index", backend_name="default", verbosity=0)
                circuit_breaker.close()
                figures["requests"] = requests_per_page(client, stand_in)
            stand_in.delay = 5
            figures["first"] = {
                "down": first_search(client, CLOSED_PORT),
                "slow": first_search(client, stand_in.url),
            }
            # Once open, the breaker stays open for the whole measurement.
            with override_settings(SEARCH_BREAKER_SECONDS=3600):
                circuit_breaker.trip()
                figures["steady"] = interleaved_searches(
                    client,
                    {
                        "database": backends(),
                        "down": backends(CLOSED_PORT),
                        "slow": backends(stand_in.url),
                    },
                )
            stand_in.delay = 0
        circuit_breaker.close()
        figures["writes"] = replayed_writes()
    section = report(figures)
    write_section(section)
    print(section)


if __name__ == "__main__":
    main()
