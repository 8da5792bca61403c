"""`make faults`: break the portal's dependencies under load and measure what people see.

Never touches the PostgreSQL and Redis that other work uses: this script starts its own
PostgreSQL cluster (initdb into a temporary folder, run as the `postgres` user) and its own
redis-server, on free ports of 127.0.0.1, loads the demo site there and serves it with gunicorn
and production settings. Then, each under load (FAULT_USERS members, 20 by default, the editor
publishing every 1 to 2 s and the translator saving):

- PostgreSQL stopped (`pg_ctl -m fast`) for FAULT_OUTAGE seconds (10), then started again;
- PostgreSQL crashed (`pg_ctl -m immediate`: no shutdown checkpoint, WAL replayed on start);
- Redis stopped, then started again;
- Elasticsearch unreachable (ELASTICSEARCH_URL on a closed port of 127.0.0.1).

Measured: what members got during the outage (only 503 pages with Retry-After in the address's
language, never a 500), how long after the database came back a page that needs it (a search:
never cached) answered 200 again, and whether every publish the admin acknowledged (redirect
after "Publish") left its revision in the database. Everything stops by itself and is removed
at the end, also when a step fails. The figures go into docs/benchmarks.md between the fault
markers.
"""

import datetime
import os
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import gevent  # noqa: E402 - locust patches the standard library when imported
from locust import between  # noqa: E402

from benchmarks import load, load_people, load_server  # noqa: E402
from benchmarks.services import Cluster, Redis, free_port  # noqa: E402

START, END = "<!-- faults:start -->", "<!-- faults:end -->"
HTML_LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})"')
URL_LANG = re.compile(r"^https?://[^/]+/([a-z]{2})/")
RECOVERY_AIM_S = 2


class Probe:
    """Asks for a page that always needs the database (a search) every 100 ms."""

    def __init__(self, base_url):
        self.url = f"{base_url}/fr/search/?q=facture"
        self.seen = []
        self.running = True

    def __call__(self, _environment=None):
        while self.running:
            started = time.time()
            self.seen.append((started, load_server.status(self.url, timeout=5)))
            gevent.sleep(max(0.0, 0.1 - (time.time() - started)))

    def first_200_after(self, moment):
        return next((at for at, status in self.seen if at >= moment and status == 200), None)


def missing_revisions(cluster, acknowledged):
    """The acknowledged publishes that left no revision in the database."""
    pages = sorted({int(page_id) for _at, page_id, _intro in acknowledged})
    if not pages:
        return []
    listed = ",".join(f"'{page}'" for page in pages)
    columns = "object_id || chr(31) || coalesce(content->>'intro', '') || chr(30)"
    # Page ids are integers of this run: nothing in the query comes from outside.
    sql = f"SELECT {columns} FROM wagtailcore_revision WHERE object_id IN ({listed})"  # noqa: S608
    rows = cluster.query(sql)
    saved = {tuple(row.strip("\n").split("\x1f", 1)) for row in rows.split("\x1e") if row.strip()}
    return [
        (page_id, intro)
        for _at, page_id, intro in acknowledged
        if (str(page_id), intro.strip()) not in saved
    ]


def revision_count(cluster, world):
    listed = ",".join(f"'{int(page)}'" for page in world["edited_pages"])
    sql = f"SELECT count(*) FROM wagtailcore_revision WHERE object_id IN ({listed})"  # noqa: S608
    return int(cluster.query(sql))


def outage_figures(requests, start, end):
    """Statuses members got between `start` and `end`, and whether the 5xx were right."""
    during = [
        r for r in requests if start <= r["at"] <= end and r["kind"].startswith(load.MEMBER_KINDS)
    ]
    statuses = Counter(r["status"] for r in during)
    unavailable = [r for r in during if r["status"] == 503]
    proper = [
        r
        for r in unavailable
        if r["retry_after"]
        and URL_LANG.match(r["url"])
        and HTML_LANG.search(r["body"])
        and HTML_LANG.search(r["body"]).group(1) == URL_LANG.match(r["url"]).group(1)
        and "Traceback" not in r["body"]
    ]
    return during, statuses, len(proper), len(unavailable)


def with_load(base_url, world, config, fault, recorder, editor_pause=(0.5, 1)):
    """Run members, the editor and the translator while `fault(probe)` breaks something.

    The editor publishes every `editor_pause` seconds: fast by default, since the more publishes
    around an outage, the more chances to lose one."""
    probe = Probe(base_url)
    result = {}

    def during(_environment):
        prober = gevent.spawn(probe)
        gevent.sleep(config["warm"])
        try:
            result.update(fault(probe))
        finally:
            gevent.sleep(config["after"])
            probe.running = False
            prober.join(timeout=10)

    seconds = config["warm"] + config["outage"] + config["after"] + 60
    load_people.Editor.wait_time = between(*editor_pause)
    acknowledged = load.run_users(
        base_url, world, config["users"], seconds, config["think"], recorder, during=during
    )
    return result, probe, acknowledged


def database_outage(cluster, mode, base_url, world, config):
    recorder = load.Recorder()
    before = revision_count(cluster, world)

    def fault(probe):
        down = time.time()
        cluster.stop(mode)
        gevent.sleep(config["outage"])
        cluster.start()
        up = time.time()
        return {"down": down, "up": up}

    moments, probe, acknowledged = with_load(base_url, world, config, fault, recorder)
    during, statuses, proper, unavailable = outage_figures(
        recorder.requests, moments["down"], moments["up"]
    )
    back = probe.first_200_after(moments["up"])
    settled = (back or moments["up"]) + RECOVERY_AIM_S
    after = [r for r in recorder.requests if r["at"] >= settled]
    errors_after = sum(r["error"] for r in after)
    return {
        "during": len(during),
        "statuses": statuses,
        "proper_503": proper,
        "all_503": unavailable,
        "server_errors": statuses.get(500, 0),
        "recovery_s": (back - moments["up"]) if back else None,
        "errors_after": errors_after,
        "errors_after_kinds": load.error_kinds(after),
        "acknowledged": len(acknowledged),
        "missing": missing_revisions(cluster, acknowledged),
        "revisions": (before, revision_count(cluster, world)),
        "requests": len(recorder.requests),
    }


def redis_outage(redis, base_url, world, config):
    recorder = load.Recorder()

    def fault(_probe):
        down = time.time()
        redis.stop()
        gevent.sleep(config["outage"])
        up = time.time()
        redis.start()
        return {"down": down, "up": up}

    moments, _probe, acknowledged = with_load(base_url, world, config, fault, recorder)
    pages = [r for r in recorder.requests if r["kind"].startswith("page: ")]
    during = [r for r in pages if moments["down"] <= r["at"] <= moments["up"]]
    after = [r for r in pages if r["at"] > moments["up"] + 5]
    return {
        "requests": len(recorder.requests),
        "errors": sum(r["error"] for r in recorder.requests),
        "error_kinds": load.error_kinds(recorder.requests),
        "pages_during": len(during),
        "hits_during": sum(r["cache"] == "HIT" for r in during),
        "p95_during": load.percentile([r["ms"] for r in during], 0.95),
        "hits_after": sum(r["cache"] == "HIT" for r in after),
        "pages_after": len(after),
        "acknowledged": len(acknowledged),
    }


def elasticsearch_outage(base_url, world, config):
    recorder = load.Recorder()
    moments, _probe, acknowledged = with_load(base_url, world, config, lambda _probe: {}, recorder)
    searches = [r for r in recorder.requests if r["kind"] == "search"]
    return {
        "requests": len(recorder.requests),
        "errors": sum(r["error"] for r in recorder.requests),
        "error_kinds": load.error_kinds(recorder.requests),
        "searches": len(searches),
        "searches_ok": sum(r["status"] == 200 for r in searches),
        "p95_search": load.percentile([r["ms"] for r in searches], 0.95),
        "acknowledged": len(acknowledged),
    }


def statuses_text(statuses):
    return ", ".join(
        f"{count} × {status or 'no answer'}" for status, count in sorted(statuses.items())
    )


def in_brackets(text):
    return f" ({text})" if text else ""


def report(config, results, loads):
    rows = []
    for label, result in (
        ("PostgreSQL stopped (`pg_ctl -m fast`)", results["database_fast"]),
        ("PostgreSQL crashed (`pg_ctl -m immediate`)", results["database_immediate"]),
    ):
        recovery = result["recovery_s"]
        rows.append(
            (
                label,
                statuses_text(result["statuses"]),
                result["server_errors"],
                f"{result['proper_503']} of {result['all_503']}",
                f"{recovery:.1f}" if recovery is not None else "never",
                f"{result['errors_after']} {result['errors_after_kinds']}".strip(),
                f"{result['acknowledged']} / {result['acknowledged'] - len(result['missing'])}",
                "{} → {}".format(*result["revisions"]),
            )
        )
    redis, search = results["redis"], results["elasticsearch"]
    ok_database = all(
        r["server_errors"] == 0
        and r["proper_503"] == r["all_503"]
        and r["recovery_s"] is not None
        and r["recovery_s"] <= RECOVERY_AIM_S
        and not r["missing"]
        and r["errors_after"] == 0
        for r in (results["database_fast"], results["database_immediate"])
    )
    lines = [
        START,
        f"Measured {datetime.date.today().isoformat()} on {load.machine()}: gunicorn "
        f"({config['workers']} workers × {config['threads']} threads), production settings, "
        f"PostgreSQL {results['postgres_version']} and Redis of this run on 127.0.0.1. "
        f"{config['users']} members pausing {config['think'][0]:g} to {config['think'][1]:g} s, "
        "the editor publishing as fast as the admin lets him (0.5 to 1 s between publishes), the "
        "translator saving; each outage lasts "
        f"{config['outage']} s after {config['warm']} s of normal load. Load average (2 cores): "
        f"{loads[0]:.1f} before, {loads[1]:.1f} after.",
        "",
        "**Aims:** while the database is away, members get a 503 page in the address's "
        "language with Retry-After, never a 500; a page that needs the database answers within "
        f"{RECOVERY_AIM_S} s of its return; no acknowledged publish is lost. "
        + ("Met." if ok_database else "Not met: see the table."),
        "",
        load.table(
            [
                "Database fault",
                "Member answers during the outage",
                "500s",
                "503s with Retry-After in the right language",
                "Back after (s)",
                "Errors once back",
                "Publishes acknowledged / found",
                "Revisions before → after",
            ],
            rows,
        ),
        "",
        "Pages already in the page cache (Redis) stay available during a database outage: they "
        'are the 200s above. "Back after" is the time from PostgreSQL accepting connections '
        "again to the first 200 of a search (never cached), asked every 100 ms.",
        "",
        f"**Redis stopped for {config['outage']} s:** {redis['errors']} errors in "
        f"{redis['requests']} requests{in_brackets(redis['error_kinds'])}. During the outage "
        f"{redis['pages_during']} pages were "
        f"served, {redis['hits_during']} from the cache (p95 {redis['p95_during']:.0f} ms); "
        f"once Redis was back, {redis['hits_after']} of {redis['pages_after']} pages came from "
        "the cache again.",
        "",
        f"**Elasticsearch unreachable** (ELASTICSEARCH_URL on a closed port): {search['errors']} "
        f"errors in {search['requests']} requests"
        f"{in_brackets(search['error_kinds'])}; {search['searches_ok']} of "
        f"{search['searches']} searches answered 200 from the database (p95 "
        f"{search['p95_search']:.0f} ms).",
        END,
    ]
    return "\n".join(lines)


def settings_from_environment():
    think = os.environ.get("FAULT_THINK", "1-3").split("-")
    return {
        "users": int(os.environ.get("FAULT_USERS", "20")),
        "think": (float(think[0]), float(think[-1])),
        "outage": int(os.environ.get("FAULT_OUTAGE", "10")),
        "warm": int(os.environ.get("FAULT_WARM", "15")),
        "after": int(os.environ.get("FAULT_AFTER", "15")),
        "workers": int(os.environ.get("LOAD_WORKERS", "2")),
        "threads": int(os.environ.get("LOAD_THREADS", "4")),
    }


def serve(environment, config, log):
    port = free_port()
    server = load_server.start_gunicorn(
        environment, port, workers=config["workers"], threads=config["threads"], log_path=log
    )
    return server, f"http://{load_server.HOST}:{port}"


def main():
    config = settings_from_environment()
    log = os.environ.get("FAULT_LOG", os.devnull)
    cluster, redis, server, static_root = Cluster(), Redis(), None, None
    results = {}
    loads = [load.load_average()]
    try:
        cluster.create()
        redis.start()
        results["postgres_version"] = cluster.query("SHOW server_version")
        environment = load_server.production_environment(cluster.url, redis.url)
        print("Loading the demo site into the run's own PostgreSQL…", flush=True)
        world = load.prepare_site(environment)
        static_root = load_server.collect_static(environment)
        server, base_url = serve(environment, config, log)
        for mode in ("fast", "immediate"):
            print(f"PostgreSQL stopped with -m {mode}…", flush=True)
            results[f"database_{mode}"] = database_outage(cluster, mode, base_url, world, config)
        print("Redis stopped…", flush=True)
        results["redis"] = redis_outage(redis, base_url, world, config)
        load_server.stop(server)
        environment["ELASTICSEARCH_URL"] = f"http://127.0.0.1:{free_port()}"
        server, base_url = serve(environment, config, log)
        print("Elasticsearch unreachable…", flush=True)
        results["elasticsearch"] = elasticsearch_outage(base_url, world, config)
        loads.append(load.load_average())
    finally:
        load_server.stop(server)
        redis.stop()
        cluster.remove()
        if static_root:
            shutil.rmtree(static_root, ignore_errors=True)
    section = report(config, results, loads)
    load.write_section(section, START, END)
    print(section)


if __name__ == "__main__":
    main()
