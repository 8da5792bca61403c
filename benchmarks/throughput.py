"""Requests per second and latency with wrk against gunicorn on 127.0.0.1, production settings.

One gunicorn without Redis (so the page cache is off), then one with REDIS_URL (page cache on),
each measured on the same addresses and on a static file served by the same stack: the ceiling.
Ratios are taken within one run, because the machine is shared and noisy.
"""

import os
import re
import subprocess
import urllib.request

from benchmarks import load_server

PORT = 8150
DURATION = "10s"
CONNECTIONS = 16
WORKERS = 2
HEADERS = ["-H", "X-Forwarded-Proto: https", "-H", "Accept-Encoding: gzip"]
LATENCY_LINE = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1, "s": 1000}


def production_environment(redis_url):
    """The environment of run.py (production settings, collected static files), with or
    without Redis: production caches pages only with Redis."""
    return {**os.environ, "REDIS_URL": redis_url}


def wrk(address, base=f"http://127.0.0.1:{PORT}"):
    """(requests per second, p50 ms, p99 ms, non-2xx/3xx responses) for one address."""
    output = subprocess.run(
        [
            "wrk",
            "--latency",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}",
            *HEADERS,
            f"{base}{address}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {int(p): float(v) * UNITS[unit] for p, v, unit in LATENCY_LINE.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, latency[50], latency[99], int(errors.group(1)) if errors else 0


def measure(addresses, static_address, redis_url):
    """{"uncached": {name: figures}, "cached": {...}}, "static file" first in each."""
    results = {}
    for label, redis in (("uncached", ""), ("cached", redis_url)):
        server = load_server.start_gunicorn(production_environment(redis), PORT, workers=WORKERS)
        try:
            targets = {"static file": static_address, **addresses}
            for address in targets.values():
                wrk_warm(address)
            results[label] = {name: wrk(address) for name, address in targets.items()}
        finally:
            load_server.stop(server)
    return results


def wrk_warm(address):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{address}", headers={"X-Forwarded-Proto": "https"}
    )
    for _ in range(WORKERS * 2):
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
