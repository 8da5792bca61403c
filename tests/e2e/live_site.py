"""The site the browser journeys run against: a PostgreSQL database of its own, built from the
demo content, served by a real server process on 127.0.0.1.

A real server and committed data, rather than pytest-django's `live_server`: wagtail-localize
publishes a translation when its transaction commits, and the admin journeys span several
browser sessions that must all see each other's work.
"""

import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.db import connections

BASE_DIR = Path(settings.BASE_DIR)
# Other people's servers use 8000 and 8100-8199 on this machine.
PORTS = range(8200, 8300)
STARTUP_TIMEOUT = 60


def rebuild_database():
    """Drop and recreate the e2e database, then migrate it and load the demo site."""
    database = settings.DATABASES["default"]
    name = database["NAME"]
    if database["ENGINE"] != "django.db.backends.postgresql" or not name.endswith("_e2e"):
        raise RuntimeError(
            f"The browser journeys drop and rebuild their database; {name!r} is not one of theirs. "
            "Run them with `make e2e`, or set DATABASE_URL to a PostgreSQL database named *_e2e."
        )
    connections.close_all()
    with psycopg.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        # FORCE: a server left running by an interrupted run must not keep the old data alive.
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {PORTS.start}-{PORTS.stop - 1} for the e2e server.")


@dataclass(frozen=True)
class LiveSite:
    """The running site: its address, such as http://127.0.0.1:8200, and the address of the
    identity provider its members sign in through, the one other host a browser may reach."""

    url: str
    identity_provider: str = ""


@contextmanager
def serve_site(environment=None, port=None):
    """Serve the e2e database on `port` (a free one by default) while the `with` block lasts."""
    port = port or free_port()
    site = LiveSite(url=f"http://127.0.0.1:{port}")
    with tempfile.TemporaryFile(prefix="portal-e2e-server-") as log:
        # The test settings with their fast password hasher, so users the tests create can log in.
        # --insecure serves static files with DEBUG off: the real 404 page, no debug page.
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",
                f"127.0.0.1:{port}",
            ],
            cwd=BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
                # The demo's documents and images, which the tests' process loaded.
                "PORTAL_TEST_MEDIA_ROOT": settings.MEDIA_ROOT,
                **(environment or {}),
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            if not answers(site, process):
                log.seek(0)
                server_log = log.read().decode(errors="replace")[-5000:]
                raise RuntimeError(f"The e2e server did not start:\n{server_log}")
            yield site
        finally:
            stop(process)


def stop(process):
    """Ask a server to stop, and kill it if it hasn't within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def answers(site, process):
    """Wait until the server answers, or has died, or STARTUP_TIMEOUT has passed."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{site.url}/fr/", timeout=5):
                return True
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    return False
