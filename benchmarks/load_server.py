"""The site as production runs it, for the throughput, load and fault runs: gunicorn on
127.0.0.1 with production settings.

Nothing here listens beyond the loopback address, and every process started is stopped by the
caller (`stop`), also when a run fails.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Production sits behind a proxy that terminates HTTPS and says so in this header.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def production_environment(database_url, redis_url="", **extra):
    """The environment of a production deploy on this machine: production settings, a
    throwaway secret, static files collected into a temporary folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "load-run-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(environment, *arguments, quiet=True):
    """Run one manage.py command in `environment`; fails loudly if it fails."""
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def collect_static(environment):
    """Collect static files into a temporary folder and point `environment` at it."""
    environment["STATIC_ROOT"] = tempfile.mkdtemp(prefix="portal-load-static-")
    manage(environment, "collectstatic", "--noinput", "-v0")
    return environment["STATIC_ROOT"]


def start_gunicorn(environment, port, workers=2, threads=1, log_path=os.devnull):
    """gunicorn serving the portal on 127.0.0.1:`port`, once it answers a first page."""
    log = open(log_path, "ab")  # noqa: SIM115 - closed with the process, in stop()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"{HOST}:{port}",
            "--log-level",
            "warning",
            # A request stuck on a dead dependency is answered by the app's own timeouts;
            # this only bounds a worker that hangs for good.
            "--timeout",
            "60",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=log,
    )
    process.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log_path}")
        if status(f"http://{HOST}:{port}/fr/") == 200:
            return process
        time.sleep(0.3)
    stop(process)
    raise RuntimeError("gunicorn did not answer within 60 s")


def status(url, timeout=5):
    """The HTTP status of a GET to `url` on this machine, or None when nothing answers."""
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    try:
        # Always a server this script started on 127.0.0.1.
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def stop(process, timeout=30):
    """Stop a process this run started, and wait for it."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
    log = getattr(process, "log", None)
    if log:
        log.close()
