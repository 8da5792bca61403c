"""`make cluster-load`: the edge cache's figures and the load run, through the cluster.

One run, one topology (benchmarks/cluster.py), every figure a ratio or a time taken in it:

1. Throughput (wrk): a page Varnish keeps against a static file Varnish keeps; aim ≥ 90 %.
2. Publish to visible: the editor publishes a page in the admin (through Varnish, as staff
   work), and a member asks for it through Varnish every 10 ms until it shows the change;
   PUBLISHES times. Aim: at most 1 s from the click.
3. The load run of `make load` (LOAD_USERS members, the editor, the translator, LOAD_SECONDS)
   through Varnish and the two app servers, then the same against one app server alone (what
   `make load` measures), for the p95 of each.

The figures go into docs/benchmarks.md between the cluster markers.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import locust  # noqa: E402, F401 - it patches the standard library: before anything uses it
import requests  # noqa: E402
from lxml import html  # noqa: E402

from benchmarks import load, throughput  # noqa: E402
from benchmarks.cluster import Topology  # noqa: E402

START, END = "<!-- cluster:start -->", "<!-- cluster:end -->"
PUBLISHES = int(os.environ.get("CLUSTER_PUBLISHES", "10"))
THROUGHPUT_AIM = 0.90
VISIBLE_AIM_S = 1.0
PROXY = {"X-Forwarded-Proto": "https"}
STATIC_FILE = "/static/portal/css/portal.css"


def throughput_figures(topology, page):
    """{name: (requests/s, p50, p99, errors)} of wrk through Varnish, both kept."""
    for address in (STATIC_FILE, page):
        for _ in range(3):
            requests.get(topology.url + address, headers=PROXY, timeout=10)
    return {
        "static file": throughput.wrk(STATIC_FILE, base=topology.url),
        "page": throughput.wrk(page, base=topology.url),
    }


class Editor:
    """The communication team's editor, publishing through the admin as a browser does."""

    def __init__(self, base, world):
        self.base, self.world = base, world
        self.session = requests.Session()
        self.session.headers.update({**PROXY, "Origin": base.replace("http://", "https://")})
        self.call("GET", "/admin/login/")
        self.call(
            "POST",
            "/admin/login/",
            data={
                "username": world["editor"],
                "password": world["password"],
                "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", ""),
                "next": "/admin/",
            },
        )

    def call(self, method, address, **kwargs):
        # The site's cookies are Secure: HTTPS ends at the proxy in front, not on this hop.
        for cookie in self.session.cookies:
            cookie.secure = False
        headers = {"Referer": self.base.replace("http://", "https://") + address}
        kwargs.update(headers=headers, allow_redirects=False, timeout=30)
        return self.session.request(method, self.base + address, **kwargs)

    def publish(self, page_id, marker):
        """Publish page `page_id` with `marker` in its introduction; True once acknowledged."""
        edit = self.call("GET", f"/admin/pages/{page_id}/edit/")
        form = html.fromstring(edit.text).get_element_by_id("page-edit-form")
        data = dict(form.form_values())
        intro = data.get("intro", "").strip().split(" Version ")[0]
        data["intro"] = f"{intro} {marker}"
        data["action-publish"] = "action-publish"
        saved = self.call("POST", f"/admin/pages/{page_id}/edit/", data=data)
        return saved.status_code == 302 and "/edit/" not in saved.headers.get("Location", "/edit/")


def publish_to_visible(topology):
    """[(acknowledged after s, visible after s)] for PUBLISHES publishes, from the click."""
    world = topology.world
    editor = Editor(topology.url, world)
    member = requests.Session()
    timings = []
    for number in range(1, PUBLISHES + 1):
        page_id = world["edited_pages"][number % len(world["edited_pages"])]
        address = topology.url + world["edited_addresses"][str(page_id)]
        for _ in range(2):
            member.get(address, headers=PROXY, timeout=10)
        marker = f"Version {number} relue par la communication {time.time():.0f}."
        clicked = time.monotonic()
        if not editor.publish(page_id, marker):
            raise RuntimeError(f"The admin did not acknowledge publish {number} of page {page_id}")
        acknowledged = time.monotonic()
        deadline = acknowledged + 10
        while marker not in member.get(address, headers=PROXY, timeout=10).text:
            if time.monotonic() > deadline:
                raise RuntimeError(f"Publish {number} not visible through Varnish after 10 s")
            time.sleep(0.01)
        timings.append((acknowledged - clicked, time.monotonic() - clicked))
    return timings


def load_run(base_url, world, config):
    recorder = load.Recorder()
    started = time.monotonic()
    load.run_users(base_url, world, config["users"], config["seconds"], config["think"], recorder)
    elapsed = time.monotonic() - started
    members = [r for r in recorder.requests if r["kind"].startswith(load.MEMBER_KINDS)]
    pages = [r for r in recorder.requests if r["kind"].startswith("page: ")]
    return {
        "requests": len(recorder.requests),
        "rate": len(recorder.requests) / elapsed,
        "errors": sum(r["error"] for r in recorder.requests),
        "error_kinds": load.error_kinds(recorder.requests),
        "p50": load.percentile([r["ms"] for r in members], 0.50),
        "p95": load.percentile([r["ms"] for r in members], 0.95),
        "edge_hits": sum(r["edge"] == "HIT" for r in pages),
        "pages": len(pages),
    }


def report(config, speeds, timings, runs, loads):
    static, page = speeds["static file"], speeds["page"]
    ratio = page[0] / static[0]
    visible = [seconds for _acknowledged, seconds in timings]
    acknowledged = [seconds for seconds, _visible in timings]
    cluster, single = runs["cluster"], runs["single"]
    lines = [
        START,
        f"Measured {datetime.date.today().isoformat()} on {load.machine()}, everything on "
        "127.0.0.1: Varnish 7 (deploy/varnish/portal.vcl, 256 MB) → HAProxy "
        "(deploy/haproxy/portal.cfg) → 2 app servers, each gunicorn "
        f"{config['workers']} workers × {config['threads']} threads, production settings → "
        "PostgreSQL and Redis of the run. Load average (2 cores): "
        f"{loads[0]:.1f} before, {loads[1]:.1f} after.",
        "",
        f"**Pages kept by Varnish against a static file kept by Varnish** (wrk, "
        f"{throughput.CONNECTIONS} connections, {throughput.DURATION}): "
        f"{page[0]:,.0f} against {static[0]:,.0f} requests/s, **{ratio:.0%}** "
        f"(aim ≥ {THROUGHPUT_AIM:.0%}: {'met' if ratio >= THROUGHPUT_AIM else 'not met'}); "
        f"p99 {page[2]:.1f} ms against {static[2]:.1f} ms; "
        f"{page[3] + static[3]} answers other than 2xx/3xx.",
        "",
        f"**Publish to visible through Varnish**, {len(timings)} publishes in the admin, a "
        "member asking every 10 ms: median "
        f"**{statistics.median(visible) * 1000:.0f} ms**, slowest "
        f"{max(visible) * 1000:.0f} ms from the click (aim ≤ {VISIBLE_AIM_S * 1000:.0f} ms: "
        f"{'met' if max(visible) <= VISIBLE_AIM_S else 'not met'}), of which the admin's own "
        f"publish takes a median {statistics.median(acknowledged) * 1000:.0f} ms.",
        "",
        f"**The load run**: {config['users']} members for {config['seconds']} s each way, "
        "with the editor publishing and the translator saving.",
        "",
        load.table(
            [
                "Through",
                "Requests",
                "Per second",
                "Errors",
                "Member p50 (ms)",
                "Member p95 (ms)",
                "Pages from Varnish",
            ],
            [
                (
                    label,
                    run["requests"],
                    f"{run['rate']:.1f}",
                    f"{run['errors']}{' (' + run['error_kinds'] + ')' if run['errors'] else ''}",
                    f"{run['p50']:.0f}",
                    f"{run['p95']:.0f}",
                    f"{run['edge_hits']} of {run['pages']}" if run["pages"] else "–",
                )
                for label, run in (
                    ("Varnish, HAProxy, 2 app servers", cluster),
                    ("1 app server alone", single),
                )
            ],
        ),
        "",
        f"Member p95 through the cluster: {cluster['p95'] / max(single['p95'], 1):.0%} of the "
        "single server's.",
        END,
    ]
    return "\n".join(lines)


def main():
    config = load.settings_from_environment()
    topology = Topology(workers=config["workers"], threads=config["threads"])
    loads = [load.load_average()]
    try:
        topology.start()
        print("Throughput through Varnish…", flush=True)
        speeds = throughput_figures(topology, "/fr/")
        print("Publish to visible…", flush=True)
        timings = publish_to_visible(topology)
        runs = {}
        # Both app servers past their first requests, as app1 is once the cluster run is done.
        load_run(topology.url, topology.world, {**config, "seconds": 20})
        print("The load run through the cluster…", flush=True)
        runs["cluster"] = load_run(topology.url, topology.world, config)
        print("The load run against one app server…", flush=True)
        runs["single"] = load_run(topology.app_url("app1"), topology.world, config)
        loads.append(load.load_average())
    finally:
        topology.stop()
    section = report(config, speeds, timings, runs, loads)
    load.write_section(section, START, END)
    print(section)


if __name__ == "__main__":
    main()
