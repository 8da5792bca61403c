"""`make cluster-faults`: break the cluster under load and count what members see.

On one topology (benchmarks/cluster.py), each fault under load (FAULT_USERS members, 20 by
default, the editor publishing every 0.5 to 1 s, the translator saving), after FAULT_WARM s:

- one app server killed (SIGKILL) with requests in flight, started again FAULT_OUTAGE s later:
  HAProxy sends what it had under way there (GET and HEAD) to the other one;
- a rolling restart of both app servers: each drained through HAProxy's runtime API, stopped
  gracefully, started again and put back, one after the other;
- Varnish restarted (the editor publishing every 15 to 30 s, as in the load run): its cache
  starts empty and fills again;
- PostgreSQL stopped for FAULT_DB_OUTAGE s: Varnish serves the pages it keeps, however old (its
  probe of /health/ready fails), and the site says it is down only for what nobody keeps.

The figures go into docs/benchmarks.md between the cluster-faults markers.
"""

import datetime
import os
import sys
import time
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import gevent  # noqa: E402 - locust patches the standard library when imported

from benchmarks import faults, load  # noqa: E402
from benchmarks.cluster import Topology  # noqa: E402

START, END = "<!-- cluster-faults:start -->", "<!-- cluster-faults:end -->"


def settings_from_environment():
    return {
        **faults.settings_from_environment(),
        "db_outage": int(os.environ.get("FAULT_DB_OUTAGE", "20")),
    }


def member_requests(recorder, start=None, end=None):
    return [
        r
        for r in recorder.requests
        if r["kind"].startswith(load.MEMBER_KINDS)
        and (start is None or r["at"] >= start)
        and (end is None or r["at"] <= end)
    ]


def in_flight_at(request, moment):
    return request["at"] <= moment <= request["at"] + request["ms"] / 1000


def app_server_killed(topology, config):
    recorder = load.Recorder()

    def fault(_probe):
        killed = time.time()
        topology.stop_app("app1", kill=True)
        gevent.sleep(config["outage"])
        topology.start_app("app1")
        return {"killed": killed}

    moments, _probe, _acknowledged = faults.with_load(
        topology.url, topology.world, config, fault, recorder
    )
    members = member_requests(recorder)
    errors = [r for r in members if r["error"]]
    return {
        "requests": len(members),
        "errors": len(errors),
        "in_flight_errors": sum(in_flight_at(r, moments["killed"]) for r in errors),
        "in_flight": sum(in_flight_at(r, moments["killed"]) for r in members),
        "error_kinds": load.error_kinds(errors),
        "staff_errors": load.error_kinds(
            [r for r in recorder.requests if r["error"] and r not in members]
        ),
    }


def rolling_restart(topology, config):
    recorder = load.Recorder()

    def fault(_probe):
        started = time.time()
        for name in ("app1", "app2"):
            topology.restart_app(name)
        return {"started": started, "ended": time.time()}

    moments, _probe, _acknowledged = faults.with_load(
        topology.url, topology.world, config, fault, recorder
    )
    errors = [r for r in recorder.requests if r["error"]]
    return {
        "requests": len(recorder.requests),
        "errors": len(errors),
        "error_kinds": load.error_kinds(errors),
        "seconds": moments["ended"] - moments["started"],
    }


def hit_share(requests):
    pages = [r for r in requests if r["kind"].startswith("page: ")]
    return sum(r["edge"] == "HIT" for r in pages), len(pages)


def varnish_restarted(topology, config):
    recorder = load.Recorder()

    def fault(_probe):
        down = time.time()
        topology.restart_varnish()
        return {"down": down, "up": time.time()}

    # The editor at the load run's pace: each publish empties the cache, and the figure is how
    # fast it fills again.
    moments, _probe, _acknowledged = faults.with_load(
        topology.url, topology.world, config, fault, recorder, editor_pause=(15, 30)
    )
    down, up = moments["down"], moments["up"]
    members = member_requests(recorder)
    return {
        "restart_s": up - down,
        "before": hit_share(member_requests(recorder, down - 10, down)),
        "first": hit_share(member_requests(recorder, up, up + 5)),
        "later": hit_share(member_requests(recorder, up + 5, up + 15)),
        "errors": sum(r["error"] for r in members),
        "errors_while_down": sum(r["error"] for r in members if down <= r["at"] <= up),
        "error_kinds": load.error_kinds([r for r in members if r["error"]]),
    }


def database_stopped(topology, config):
    recorder = load.Recorder()
    outage = {**config, "outage": config["db_outage"]}

    def fault(_probe):
        down = time.time()
        topology.database.stop("fast")
        gevent.sleep(config["db_outage"])
        topology.database.start()
        return {"down": down, "up": time.time()}

    moments, probe, _acknowledged = faults.with_load(
        topology.url, topology.world, outage, fault, recorder
    )
    during = member_requests(recorder, moments["down"], moments["up"])
    pages = [r for r in during if r["kind"].startswith("page: ")]
    unavailable = [r for r in during if r["status"] == 503]
    back = probe.first_200_after(moments["up"])
    return {
        "during": len(during),
        "statuses": Counter(r["status"] for r in during),
        "pages": len(pages),
        "pages_served": sum(r["status"] == 200 for r in pages),
        "pages_kept": sum(r["status"] == 200 and r["edge"] == "HIT" for r in pages),
        "proper_503": sum(1 for r in unavailable if r["retry_after"]),
        "all_503": len(unavailable),
        "server_errors": sum(r["status"] == 500 for r in during),
        "searches": sum(r["kind"] == "search" for r in during),
        "recovery_s": (back - moments["up"]) if back else None,
    }


def report(config, results, loads):
    killed, rolling = results["killed"], results["rolling"]
    varnish, database = results["varnish"], results["database"]

    def share(pair):
        hits, total = pair
        return f"{hits} of {total} ({hits / max(total, 1):.0%})"

    recovery = database["recovery_s"]
    lines = [
        START,
        f"Measured {datetime.date.today().isoformat()} on {load.machine()}: the topology of "
        f"`make cluster`, {config['users']} members pausing {config['think'][0]:g} to "
        f"{config['think'][1]:g} s, the editor publishing every 0.5 to 1 s (every 15 to 30 s "
        "around the Varnish restart), the translator saving; each fault after "
        f"{config['warm']} s of load. Load average (2 cores): "
        f"{loads[0]:.1f} before, {loads[1]:.1f} after.",
        "",
        load.table(
            ["Fault", "What members got", "Aim"],
            [
                (
                    f"One app server killed (SIGKILL), back after {config['outage']} s",
                    f"{killed['errors']} errors in {killed['requests']} member requests "
                    f"({killed['in_flight']} were in flight on both servers at the kill, "
                    f"{killed['in_flight_errors']} of the errors among them)"
                    + (f": {killed['error_kinds']}" if killed["errors"] else "")
                    + (f"; staff: {killed['staff_errors']}" if killed["staff_errors"] else ""),
                    "no failure beyond requests in flight: "
                    + ("met" if killed["errors"] == killed["in_flight_errors"] else "not met"),
                ),
                (
                    f"Rolling restart of both app servers ({rolling['seconds']:.0f} s)",
                    f"{rolling['errors']} errors in {rolling['requests']} requests"
                    + (f": {rolling['error_kinds']}" if rolling["errors"] else ""),
                    "0 errors: " + ("met" if rolling["errors"] == 0 else "not met"),
                ),
                (
                    f"Varnish restarted ({varnish['restart_s']:.1f} s down)",
                    f"pages from Varnish: {share(varnish['before'])} in the 10 s before, "
                    f"{share(varnish['first'])} in the first 5 s after, "
                    f"{share(varnish['later'])} 5 to 15 s after; {varnish['errors']} errors, "
                    f"{varnish['errors_while_down']} of them while it was down"
                    + (f" ({varnish['error_kinds']})" if varnish["errors"] else ""),
                    "the cache refills: "
                    + ("met" if varnish["later"][0] > varnish["first"][0] else "not met"),
                ),
                (
                    f"PostgreSQL stopped for {config['db_outage']} s",
                    f"{database['pages_served']} of {database['pages']} pages served "
                    f"({database['pages_kept']} of them kept by Varnish); "
                    f"{faults.statuses_text(database['statuses'])} in all; "
                    f"{database['proper_503']} of {database['all_503']} 503s with Retry-After; "
                    f"{database['server_errors']} 500s; searches answered again "
                    + (f"{recovery:.1f} s after" if recovery is not None else "never"),
                    "stale pages served, 503 only where nothing is kept, no 500: "
                    + (
                        "met"
                        if database["server_errors"] == 0
                        and database["proper_503"] == database["all_503"]
                        and database["pages_kept"] > 0
                        else "not met"
                    ),
                ),
            ],
        ),
        END,
    ]
    return "\n".join(lines)


def main():
    config = settings_from_environment()
    topology = Topology(workers=config["workers"], threads=config["threads"])
    results = {}
    loads = [load.load_average()]
    try:
        topology.start()
        print("One app server killed…", flush=True)
        results["killed"] = app_server_killed(topology, config)
        print("Rolling restart…", flush=True)
        results["rolling"] = rolling_restart(topology, config)
        print("Varnish restarted…", flush=True)
        results["varnish"] = varnish_restarted(topology, config)
        print("PostgreSQL stopped…", flush=True)
        results["database"] = database_stopped(topology, config)
        loads.append(load.load_average())
    finally:
        topology.stop()
    section = report(config, results, loads)
    load.write_section(section, START, END)
    print(section)


if __name__ == "__main__":
    main()
