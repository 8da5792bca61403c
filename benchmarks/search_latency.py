"""`make bench-search`: search latency with 1,000, 10,000 and 50,000 guides per language.

Rebuilds its own PostgreSQL database (DATABASE_URL, by default `portal_searchbench`; the
script refuses any database whose name doesn't end in `searchbench`), loads the demo site,
then grows it to each size with generated guides (benchmarks/search_corpus.py), inserted and
indexed in bulk (benchmarks/search_guide_pages.py). At each size, every query of QUERIES is
answered through `PortalSearch(...).run()` and its first page of results described, as the
search page does, and timed; at the largest
size the main full-text query is run under EXPLAIN (ANALYZE, BUFFERS). The figures go into
docs/benchmarks.md, between the search-latency markers. Takes about an hour on two cores.

    python benchmarks/search_latency.py [--sizes 1000,10000,50000] [--runs 30]
        [--keep-database] [--no-report]
"""

import argparse
import datetime
import math
import os
import platform
import re
import statistics
import sys
import time
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
REPORT = BASE_DIR / "docs" / "benchmarks.md"
START, END = "<!-- search-latency:start -->", "<!-- search-latency:end -->"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_searchbench"
AIM_MS = 100
AIM_SIZE = 50_000

# Per language: rare words (one guide in 400), common ones (one in ten), very common ones
# (most guides; 'facture' is also a glossary term, so it is searched with its variants) and
# one query of several words, as members type them. Then one query down each longer path a
# search can take: a question typed as a sentence (every word weighed, FAQ questions worded
# alike, linked answers), a misspelling (the other languages, then the corrected spelling), a
# word of another language (its pages mapped to their translations), words found nowhere
# (each word looked up, for the "we may not have the answer here" block) and an acronym of a
# glossary term's name (looked up, to be sure the portal doesn't write it).
QUERIES = {
    "fr": {
        "rare": ["mécénat", "luthier"],
        "common": ["assurance", "conseiller"],
        "very common": ["facture", "contrat"],
        "multi-word": ["facture retard paiement"],
        "sentence": ["mon client paie sa facture en retard, que faire ?"],
        "misspelt": ["assurrance"],
        "other language": ["verzekering"],
        "found nowhere": ["horaires du bureau de Namur"],
        "acronym": ["CA"],
    },
    "nl": {
        "rare": ["mecenaat", "vioolbouwer"],
        "common": ["verzekering", "adviseur"],
        "very common": ["factuur", "contract"],
        "multi-word": ["factuur laattijdige betaling"],
        "sentence": ["mijn klant betaalt zijn factuur te laat, wat nu?"],
        "misspelt": ["verzekerring"],
        "other language": ["assurance"],
        "found nowhere": ["openingsuren kantoor Hasselt"],
        "acronym": ["RvB"],
    },
    "en": {
        "rare": ["patronage", "luthier"],
        "common": ["insurance", "adviser"],
        "very common": ["invoice", "contract"],
        "multi-word": ["late payment invoice"],
        "sentence": ["my client pays the invoice late, what can I do?"],
        "misspelt": ["insurrance"],
        "other language": ["verzekering"],
        "found nowhere": ["Namur office opening hours"],
        "acronym": ["BoD"],
    },
}
CATEGORIES = [
    "rare",
    "common",
    "very common",
    "multi-word",
    "sentence",
    "misspelt",
    "other language",
    "found nowhere",
    "acronym",
]
# How a search shows it took its category's path: a query that stops taking it (the corpus or
# the code changed) would time another path under that name, so the run stops instead.
PATH_TAKEN = {
    "sentence": lambda outcome: is_sentence(outcome.query),
    "misspelt": lambda outcome: bool(outcome.corrected_query),
    "other language": lambda outcome: (
        outcome.translated_from_other_languages or outcome.from_other_languages
    ),
    "found nowhere": lambda outcome: outcome.cannot_answer,
    "acronym": lambda outcome: bool(outcome.defined_terms),
}
WARMUP = 3


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="guides per language")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query")
    parser.add_argument(
        "--keep-database",
        action="store_true",
        help="grow the existing benchmark database instead of rebuilding it",
    )
    parser.add_argument("--no-report", action="store_true", help="leave docs/ unchanged")
    arguments = parser.parse_args()
    arguments.sizes = sorted(int(size) for size in arguments.sizes.split(","))
    return arguments


def is_sentence(query):
    """Whether the search treats `query` as a question typed as a sentence."""
    from search.service import SENTENCE_WORDS

    return len(re.findall(r"\w+", query)) >= SENTENCE_WORDS


def recreate_database(url):
    """Drop and create the benchmark database: every run starts from the demo site alone."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(database_url):
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="benchmark-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="localhost",
        LOG_LEVEL="WARNING",
    )
    # One search at a time from one process: the figures are the search's, not a cache's.
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("ELASTICSEARCH_URL", None)
    sys.path.insert(0, str(BASE_DIR))
    from django.test.utils import override_settings

    # The application loaded as a gunicorn worker loads it (portal/wsgi.py): set up, then frozen
    # out of garbage collections.
    import portal.wsgi  # noqa: F401

    # One process, so it may keep what every worker of a deployment with Redis keeps about
    # content (production turns CONTENT_MEMO off only without Redis).
    override_settings(CONTENT_MEMO=True).enable()


def load_demo_site():
    """Both are safe to run again: with --keep-database they change nothing."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", stdout=StringIO())


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class SqlTimer:
    """Wraps every SQL statement, adding up its count and time (an execute_wrapper)."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def search_once(language, query):
    """(total ms, SQL ms, SQL queries, results, outcome) for one search as the search page runs
    it."""
    from django.db import connection
    from django.test import RequestFactory
    from django.utils import translation

    from portal.sites import site_for_request
    from search.results import describe
    from search.service import PortalSearch
    from search.views import RESULTS_PER_PAGE

    request = RequestFactory(HTTP_HOST="localhost").get(f"/{language}/search/", {"q": query})
    timer = SqlTimer()
    with translation.override(language), connection.execute_wrapper(timer):
        start = time.perf_counter()
        # As the portal's middleware does before any view.
        request._wagtail_site = site_for_request(request)
        outcome = PortalSearch(request, query, language).run()
        # As the search page does: addresses, breadcrumbs and excerpts of the first page.
        describe(outcome.results[:RESULTS_PER_PAGE])
        total = time.perf_counter() - start
    return total * 1000, timer.seconds * 1000, timer.count, len(outcome.results), outcome


def measure_latency(runs):
    """{category: [(total ms, SQL ms, queries, results), ...]} over every language and query."""
    samples = {category: [] for category in CATEGORIES}
    for language, categories in QUERIES.items():
        for category, queries in categories.items():
            for query in queries:
                for _ in range(WARMUP):
                    outcome = search_once(language, query)[4]
                if not PATH_TAKEN.get(category, bool)(outcome):
                    sys.exit(f"{language} {query!r} no longer takes the {category!r} path.")
                # Without the outcomes: kept alive, they would slow the garbage collector.
                timings = [search_once(language, query)[:4] for _ in range(runs)]
                samples[category] += timings
                totals = [timing[0] for timing in timings]
                print(
                    f"  {language} {category:<14} {query!r:<32} median "
                    f"{statistics.median(totals):7.1f} ms  p95 {percentile(totals, 0.95):7.1f} ms"
                    f"  SQL {statistics.median(t[1] for t in timings):7.1f} ms"
                    f" in {timings[0][2]} queries, {timings[0][3]} results",
                    flush=True,
                )
    return samples


def summarise(samples):
    """{category or 'all': (median, p95, median SQL ms)}."""
    summary = {}
    every = []
    for category, timings in samples.items():
        every += timings
        summary[category] = latency_figures(timings)
    summary["all"] = latency_figures(every)
    return summary


def latency_figures(timings):
    totals = [timing[0] for timing in timings]
    return (
        statistics.median(totals),
        percentile(totals, 0.95),
        statistics.median(timing[1] for timing in timings),
    )


def matching_guides(language, query):
    """How many guides of `language` match `query` (the full count, not the best 200)."""
    from django.utils import translation
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from glossary.synonyms import terms_named_in as matching_glossary_terms
    from guides.models import GuidePage
    from search.query import build_query

    locale = Locale.objects.get(language_code=language)
    search_query = build_query(query, matching_glossary_terms(query, locale))
    with translation.override(language):
        return (
            get_search_backend()
            .search(search_query, GuidePage.objects.filter(locale=locale))
            .count()
        )


def explain_main_query(language, query):
    """EXPLAIN (ANALYZE, BUFFERS) of the full-text query over pages, as one search sends it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        search_once(language, query)
    statement = next(
        entry["sql"]
        for entry in captured.captured_queries
        if "@@" in entry["sql"] and 'FROM "wagtailcore_page"' in entry["sql"]
    )
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement)
        plan = [row[0] for row in cursor.fetchall()]
    return statement, plan


def analyse_tables():
    """What autovacuum would do after a large import: fresh statistics, GIN pending list merged."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("wagtailsearch_indexentry", "wagtailcore_page", "guides_guidepage"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def machine():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return (
        f"{os.cpu_count()} cores, {memory_kb / 1024 / 1024:.0f} GiB RAM, "
        f"PostgreSQL {postgres}, Python {platform.python_version()}"
    )


def run(arguments):
    from django.core.cache import cache

    from benchmarks.search_guide_pages import BuildTimes, GuideTreeWriter, generated_guide_count

    sizes = {}
    for size in arguments.sizes:
        have = {language: generated_guide_count(language) for language in QUERIES}
        if max(have.values()) > size:
            # A kept database can only grow: a smaller size can't be measured in it.
            print(f"Skipping {size:,}: the database already holds more guides", flush=True)
            continue
        print(f"Growing to {size:,} guides per language", flush=True)
        build = BuildTimes()
        for language, count in have.items():
            if count < size:
                build.add(GuideTreeWriter(language).add(count, size))
        started = time.perf_counter()
        analyse_tables()
        vacuum_seconds = time.perf_counter() - started
        # The spelling vocabulary is cached; it must see the new titles.
        cache.clear()
        print(
            f"  {build.pages:,} guides: text {build.generate:.0f} s, insert {build.insert:.0f} s,"
            f" index {build.index:.0f} s, VACUUM ANALYZE {vacuum_seconds:.0f} s",
            flush=True,
        )
        load_before = os.getloadavg()[0]
        samples = measure_latency(arguments.runs)
        sizes[size] = {
            "build": build,
            "vacuum": vacuum_seconds,
            "latency": summarise(samples),
            # Other work on the machine shows in the p95: say how busy it was.
            "load": (load_before, os.getloadavg()[0]),
        }
        # After each size, so a run stopped before the largest still leaves its figures.
        results = with_plans(sizes)
        section = report(results, arguments)
        print("\n" + section, flush=True)
        if not arguments.no_report:
            write_report(section)

    if not sizes:
        sys.exit("Nothing measured: pass --sizes at least as large as the kept database.")


def with_plans(sizes):
    """The figures of `sizes`, with match shares and query plans at the largest."""
    largest = max(sizes)
    shares = {
        language: {
            query: matching_guides(language, query) / largest
            for queries in categories.values()
            for query in queries
        }
        for language, categories in QUERIES.items()
    }
    explains = {}
    for category in ("very common", "rare"):
        query = QUERIES["fr"][category][0]
        statement, plan = explain_main_query("fr", query)
        explains[query] = plan
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) for 'fr' {query!r} at {largest:,}:\n{statement}\n")
        print("\n".join(plan))
    return {"sizes": sizes, "shares": shares, "explains": explains, "largest": largest}


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def plan_summary(plan):
    """How the index entries and pages are read, how many rows are ranked, buffers and time."""
    nodes = [line.strip().lstrip("->").strip() for line in plan]
    scans = [
        node_name(node)
        for node in nodes
        if "Scan" in node and ("wagtailsearch_indexentry" in node or "wagtailcore_page" in node)
    ]
    sort = next(index for index, node in enumerate(nodes) if node.startswith("Sort  ("))
    ranked = next(node for node in nodes[sort + 1 :] if "(cost=" in node)
    return {
        "scans": list(dict.fromkeys(scans)),
        "ranked": actual_rows(ranked),
        "buffers": nodes[1].removeprefix("Buffers: "),
        "execution": next(node for node in nodes if node.startswith("Execution Time")),
    }


def node_name(node):
    return node.split("  (cost=")[0]


def actual_rows(node):
    """Rows a plan node returned, over every parallel worker (EXPLAIN gives rows per loop)."""
    rows, loops = re.search(r"actual time=\S+ rows=(\d+) loops=(\d+)", node).groups()
    return int(rows) * int(loops)


def report(results, arguments):
    from search.backends.postgres import RANKED_CANDIDATES
    from search.service import RESULTS_PER_KIND

    today = datetime.date.today().isoformat()
    sizes = results["sizes"]
    largest = results["largest"]
    worst_p95 = sizes[largest]["latency"]["all"][1]
    lines = [
        START,
        "## Search latency",
        "",
        "`make bench-search` (`benchmarks/search_latency.py`) rebuilds the `portal_searchbench`",
        "database with the demo site, grows it to "
        + " → ".join(f"{size:,}" for size in sizes)
        + " generated guides per",
        "language (inserted and indexed in bulk, under the three paths) and times searches through",
        "`PortalSearch(...).run()` and `describe()` of the first ten results, the code the search",
        "page runs, with the PostgreSQL backend and production settings. Per language, two rare",
        "words (in 0.25% of guides), two common ones (about 10%), two very common ones (60 to 85%)",
        "and one query of three words; then one query down each longer path a search takes: a",
        "question typed as a sentence, a misspelling (corrected), a word of another language",
        '(mapped to its translations) and words found nowhere (the "we can\'t answer that here"',
        f"block). {WARMUP} warm-up runs, then {arguments.runs} timed runs per query; each query",
        "is checked to take its path.",
        "Times are in-process, without HTTP or templates, and without any cache of results.",
        "",
        f"Each kind of result keeps its best {RESULTS_PER_KIND}. To find the best pages PostgreSQL",
        f"ranks at most {RANKED_CANDIDATES} title matches and {RANKED_CANDIDATES} other matches,",
        "the first the indexes yield among the language's entries, each page looked up by primary",
        "key (`search/backends/postgres.py`): a very common word no longer ranks every match.",
        "Glossary wordings that the language analyses alike are ranked once.",
        "",
        f"Measured {today} on {machine()}.",
        "",
        f"**Aim: p95 under {AIM_MS} ms at {AIM_SIZE:,} guides per language.** "
        + (
            f"Not measured at {AIM_SIZE:,} in this run (stopped at {largest:,}): p95 "
            f"{worst_p95:.0f} ms over all queries at {largest:,}."
            if largest < AIM_SIZE
            else f"Met: p95 {worst_p95:.0f} ms over all queries."
            if worst_p95 < AIM_MS
            else f"Not met: p95 {worst_p95:.0f} ms over all queries at {largest:,}."
        ),
        "",
        "### Latency, median / p95 (ms)",
        "",
        table(
            [
                "Guides per language",
                *(category.capitalize() for category in CATEGORIES),
                "All",
                "Load average",
            ],
            [
                (
                    f"{size:,}",
                    *(
                        f"{figures['latency'][key][0]:.0f} / {figures['latency'][key][1]:.0f}"
                        for key in [*CATEGORIES, "all"]
                    ),
                    "{:.1f} → {:.1f}".format(*figures["load"]),
                )
                for size, figures in sizes.items()
            ],
        ),
        "",
        "Load average: the machine's one-minute load before and after the timed runs "
        f"({os.cpu_count()} cores); other work running beside the benchmark inflates the p95.",
        "",
        "Of which SQL, median (ms):",
        "",
        table(
            ["Guides per language", *(category.capitalize() for category in CATEGORIES), "All"],
            [
                (
                    f"{size:,}",
                    *(f"{figures['latency'][key][2]:.0f}" for key in [*CATEGORIES, "all"]),
                )
                for size, figures in sizes.items()
            ],
        ),
        "",
        f"Share of guides each query matches at {largest:,}: "
        + "; ".join(
            ", ".join(f"{query} {share:.2%}" for query, share in shares.items())
            for shares in results["shares"].values()
        )
        + ".",
        "",
        "### Index build",
        "",
        "Guides added at each step (all three languages), indexed with `add_bulk` in batches of",
        "1,000, then `VACUUM ANALYZE` of the index and page tables.",
        "",
        table(
            ["Step", "Guides added", "Insert (s)", "Index (s)", "Guides indexed/s", "Vacuum (s)"],
            [
                (
                    f"to {size:,}",
                    f"{figures['build'].pages:,}",
                    f"{figures['build'].insert:.0f}",
                    f"{figures['build'].index:.0f}",
                    f"{figures['build'].pages / figures['build'].index:.0f}"
                    if figures["build"].index
                    else "–",
                    f"{figures['vacuum']:.0f}",
                )
                for size, figures in sizes.items()
            ],
        ),
        "",
        f"### Query plan at {largest:,} (French)",
        "",
    ]
    for query, plan in results["explains"].items():
        summary = plan_summary(plan)
        lines.append(
            f"- `{query}`: {summary['ranked']:,} rows ranked for the best {RESULTS_PER_KIND}; "
            f"buffers {summary['buffers']}; {summary['execution']}. Reads: "
            + "; ".join(summary["scans"])
            + "."
        )
    lines.append(END)
    return "\n".join(lines)


def write_report(section):
    text = REPORT.read_text() if REPORT.exists() else "# Benchmarks\n"
    if START in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    REPORT.write_text(text)


def main():
    arguments = parse_arguments()
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    name = urlsplit(database_url).path.lstrip("/")
    if not name.endswith("searchbench"):
        sys.exit(
            f"Refusing to rebuild {name!r}: the benchmark database's name ends in 'searchbench'."
        )
    if not arguments.keep_database:
        recreate_database(database_url)
    setup_django(database_url)
    print("Migrating and loading the demo site", flush=True)
    load_demo_site()
    run(arguments)


if __name__ == "__main__":
    main()
