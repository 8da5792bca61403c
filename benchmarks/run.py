"""`make bench`: measure every public page type and write the figures into docs/benchmarks.md.

Needs the demo site in the database of DATABASE_URL, Redis at REDIS_URL and wrk on the PATH.
Not part of the test suite: speed is measured here, on one machine at a time.
"""

import datetime
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
REPORT = BASE_DIR / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def report(renders, http):
    today = datetime.date.today().isoformat()
    lines = [
        START,
        f"Measured {today} on {machine()}, PostgreSQL on 127.0.0.1, production settings.",
        "",
        "### Queries and render time (page cache off, median of 50)",
        "",
        table(
            ["Page", "SQL queries", "Render (ms)"],
            [(name, queries, f"{median:.1f}") for name, (queries, median) in renders.items()],
        ),
    ]
    for label in ("uncached", "cached"):
        ceiling = http[label]["static file"][0]
        lines += [
            "",
            f"### gunicorn, {label} pages ({'with' if label == 'cached' else 'without'} Redis)",
            "",
            table(
                ["Address", "Requests/s", "Of static", "p50 (ms)", "p99 (ms)", "Errors"],
                [
                    (name, f"{rate:.0f}", f"{rate / ceiling:.0%}", f"{p50:.1f}", f"{p99:.1f}", bad)
                    for name, (rate, p50, p99, bad) in http[label].items()
                ],
            ),
        ]
    return "\n".join([*lines, END])


def write_report(section):
    text = REPORT.read_text()
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    REPORT.write_text(before + section + after)


def main():
    static_root = tempfile.mkdtemp(prefix="portal-bench-static-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="benchmark-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
    )
    redis_url = os.environ.pop("REDIS_URL", "redis://127.0.0.1:6379/0")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, check=True
    )
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.templatetags.static import static

    from benchmarks import render_times, throughput
    from benchmarks.pages import (
        demo_member,
        member_addresses,
        own_profile_addresses,
        page_addresses,
    )

    addresses = page_addresses()
    renders = render_times.measure({**addresses, **member_addresses()})
    signed_in = render_times.measure(
        {**member_addresses(), **own_profile_addresses()}, user=demo_member()
    )
    renders.update({f"{name} (signed in)": figures for name, figures in signed_in.items()})
    http_targets = {name: addresses[name] for name in ("home", "guide", "news index")}
    http_targets["search"] = addresses["search results"]
    http = throughput.measure(http_targets, static("portal/css/portal.css"), redis_url)
    write_report(report(renders, http))
    print(REPORT.read_text().split(START)[1].split(END)[0])


if __name__ == "__main__":
    main()
