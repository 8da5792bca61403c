"""`make load`: simulated members, one editor and one translator against the production stack.

gunicorn with production settings and Redis as cache (the page cache on, as in production) on
127.0.0.1, the demo site in its own database (LOAD_DATABASE_URL, `portal_load` by default).
LOAD_USERS members (50) browse, search and switch language for LOAD_SECONDS (300), pausing
LOAD_THINK seconds (1-3) between clicks, while the editor publishes and the translator saves
(benchmarks/load_people.py). Every request is timed by the client, from send to last byte.
The figures go into docs/benchmarks.md between the load markers. Aim: no error, p95 under
250 ms.

Locust (requirements-bench.txt) runs the users, headless, in this process: it is well kept, its
users are plain Python, and one process on one core holds 50 users with room to spare. The
report is computed here from every single request, not from locust's rounded histograms.
"""

import datetime
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import gevent  # noqa: E402 - locust patches the standard library when imported
from locust import between  # noqa: E402
from locust.env import Environment  # noqa: E402

from benchmarks import load_people, load_server  # noqa: E402

REPORT = BASE_DIR / "docs" / "benchmarks.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
AIM_P95_MS = 250
MEMBER_KINDS = ("page: ", "search", "switch")


def settings_from_environment():
    think = os.environ.get("LOAD_THINK", "1-3").split("-")
    return {
        "seconds": int(os.environ.get("LOAD_SECONDS", "300")),
        "users": int(os.environ.get("LOAD_USERS", "50")),
        "think": (float(think[0]), float(think[-1])),
        "database_url": os.environ.get(
            "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_load"
        ),
        "redis_url": os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/5"),
        "port": int(os.environ.get("LOAD_PORT", "8160")),
        "workers": int(os.environ.get("LOAD_WORKERS", "2")),
        "threads": int(os.environ.get("LOAD_THREADS", "4")),
    }


def load_average():
    return os.getloadavg()[0]


def prepare_site(environment):
    """The demo site in the database of `environment`, migrated, and the people of the run."""
    load_server.manage(environment, "migrate", "--noinput", "-v0")
    load_server.manage(environment, "compile_translations")
    load_server.manage(environment, "load_demo", "-v0")
    setup = subprocess.run(
        [sys.executable, "benchmarks/load_setup.py"],
        cwd=BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(setup.stdout)


class Recorder:
    """Every request of the run: when, what kind, how long, how it ended."""

    def __init__(self):
        self.requests = []

    def __call__(self, request_type, name, response_time, response_length, response=None,
                 exception=None, start_time=None, url="", **kwargs):  # fmt: skip
        status = getattr(response, "status_code", 0) if response is not None else 0
        headers = getattr(response, "headers", {}) or {}
        self.requests.append(
            {
                "at": start_time or time.time(),
                "kind": name,
                "url": url or "",
                "ms": response_time,
                "status": status,
                "error": exception is not None or not status or status >= 400,
                "exception": str(exception).split(":")[0][:80] if exception is not None else "",
                "cache": headers.get("X-Cache", ""),
                "edge": headers.get("X-Edge-Cache", ""),
                "retry_after": headers.get("Retry-After"),
                "language": headers.get("Content-Language", ""),
                "body": (getattr(response, "text", "") or "")[:4000] if status >= 500 else "",
            }
        )


def run_users(base_url, world, users, seconds, think, recorder, during=None):
    """Run `users` members plus the editor and the translator for `seconds` against `base_url`.

    `during(environment)` runs beside them (the fault scripts break things from there); the run
    ends when it returns, or after `seconds` at the latest.
    """
    load_people.world.clear()
    load_people.world.update(world, origin=base_url.replace("http://", "https://"))
    load_people.acknowledged.clear()
    load_people.Member.wait_time = between(*think)
    environment = Environment(
        user_classes=[load_people.Member, load_people.Editor, load_people.Translator],
        host=base_url,
        # At the end, let each person finish the click under way (requests time out at 30 s):
        # a request cut off by the run's own end is not an error of the site.
        stop_timeout=40,
    )
    environment.events.request.add_listener(recorder)
    runner = environment.create_local_runner()
    runner.start(users + 2, spawn_rate=max(users / 10, 1))
    helper = gevent.spawn(during, environment) if during else None
    if helper:
        helper.link(lambda _helper: runner.quit())
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    if helper:
        helper.join(timeout=60)
        helper.get(block=False)  # a fault step that failed fails the run
    return list(load_people.acknowledged)


def error_kinds(requests):
    """What the errors were: "2 × publish 503, 1 × search no answer (ConnectionError)"."""
    kinds = Counter(
        (r["kind"], r["status"] or f"no answer ({r['exception']})") for r in requests if r["error"]
    )
    return ", ".join(f"{n} × {kind} {status}" for (kind, status), n in kinds.most_common())


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def figures(requests, seconds):
    """{kind: (count, requests/s, errors, p50, p95, p99)}, then "all members" and "all"."""
    by_kind = defaultdict(list)
    for request in requests:
        by_kind[request["kind"]].append(request)
    members = [r for r in requests if r["kind"].startswith(MEMBER_KINDS)]
    groups = {kind: by_kind[kind] for kind in sorted(by_kind)}
    groups["all member requests"] = members
    groups["all requests"] = requests
    return {
        kind: (
            len(group),
            len(group) / seconds,
            sum(r["error"] for r in group),
            percentile([r["ms"] for r in group], 0.50),
            percentile([r["ms"] for r in group], 0.95),
            percentile([r["ms"] for r in group], 0.99),
        )
        for kind, group in groups.items()
    }


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def machine():
    from benchmarks.run import machine as describe

    return describe()


def report(config, stats, requests, acknowledged, loads):
    members = stats["all member requests"]
    errors = stats["all requests"][2]
    met = members[4] < AIM_P95_MS and errors == 0
    cached = [r for r in requests if r["kind"].startswith("page: ")]
    hits = sum(r["cache"] == "HIT" for r in cached)
    slowest = max(
        (kind for kind in stats if kind.startswith(MEMBER_KINDS) and stats[kind][0] >= 20),
        key=lambda kind: stats[kind][4],
        default="",
    )
    lines = [
        START,
        f"Measured {datetime.date.today().isoformat()} on {machine()}: gunicorn "
        f"({config['workers']} workers × {config['threads']} threads) with production settings, "
        "PostgreSQL and Redis on 127.0.0.1, page cache on.",
        "",
        f"{config['users']} members for {config['seconds']} s, pausing "
        f"{config['think'][0]:g} to {config['think'][1]:g} s between clicks, with one editor "
        "publishing and one translator saving the whole time. Load average of the machine "
        f"(2 cores): {loads[0]:.1f} before, {loads[1]:.1f} at the end.",
        "",
        f"**Aim: no error, p95 under {AIM_P95_MS} ms.** "
        + ("Met" if met else "Not met")
        + f": {errors} errors in {stats['all requests'][0]} requests, member requests p95 "
        f"{members[4]:.0f} ms. Pages served from the page cache: {hits} of {len(cached)} "
        f"({hits / max(len(cached), 1):.0%}). Acknowledged publishes: {len(acknowledged)}."
        + (f" Errors: {error_kinds(requests)}." if errors else ""),
        "",
        table(
            ["Kind", "Requests", "Per second", "Errors", "p50 (ms)", "p95 (ms)", "p99 (ms)"],
            [
                (kind, count, f"{rate:.1f}", bad, f"{p50:.0f}", f"{p95:.0f}", f"{p99:.0f}")
                for kind, (count, rate, bad, p50, p95, p99) in stats.items()
            ],
        ),
    ]
    by_cache = [
        (label, [r["ms"] for r in cached if (r["cache"] == "HIT") == hit])
        for label, hit in (("from the page cache", True), ("rendered (cache miss)", False))
    ]
    lines += [
        "",
        table(
            ["Pages", "Requests", "p50 (ms)", "p95 (ms)"],
            [
                (
                    label,
                    len(times),
                    f"{percentile(times, 0.5):.0f}",
                    f"{percentile(times, 0.95):.0f}",
                )
                for label, times in by_cache
            ],
        ),
    ]
    if slowest:
        lines += [
            "",
            f"Slowest kind at p95 among members: {slowest} ({stats[slowest][4]:.0f} ms).",
        ]
    return "\n".join([*lines, END])


def write_section(section, start=START, end=END):
    """Replace the text between `start` and `end` in docs/benchmarks.md, and nothing else."""
    text = REPORT.read_text()
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    REPORT.write_text(before + section + after)


def main():
    config = settings_from_environment()
    environment = load_server.production_environment(config["database_url"], config["redis_url"])
    static_root = None
    server = None
    try:
        world = prepare_site(environment)
        static_root = load_server.collect_static(environment)
        server = load_server.start_gunicorn(
            environment,
            config["port"],
            workers=config["workers"],
            threads=config["threads"],
            log_path=os.environ.get("LOAD_LOG", os.devnull),
        )
        base_url = f"http://{load_server.HOST}:{config['port']}"
        recorder = Recorder()
        loads = [load_average()]
        started = time.monotonic()
        acknowledged = run_users(
            base_url, world, config["users"], config["seconds"], config["think"], recorder
        )
        elapsed = time.monotonic() - started
        loads.append(load_average())
    finally:
        load_server.stop(server)
        if static_root:
            subprocess.run(["rm", "-rf", static_root], check=False)
    stats = figures(recorder.requests, elapsed)
    section = report(config, stats, recorder.requests, acknowledged, loads)
    write_section(section)
    print(section)


if __name__ == "__main__":
    main()
