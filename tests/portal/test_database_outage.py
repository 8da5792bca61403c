"""While the database is unreachable, members get a short page in their language, not a 500."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_without_database():
    """The real site, served by a real server process, whose database port answers nothing."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/portal",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def fetch(url):
    try:
        # Always the local test server started above, over http.
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_members_get_a_503_in_their_language_with_retry_after(server_without_database, language):
    status, headers, body = fetch(f"{server_without_database}/{language}/")

    assert status == 503
    assert int(headers["Retry-After"]) > 0
    html = BeautifulSoup(body, "html.parser")
    assert html.html["lang"] == language
    with translation.override(language):
        assert html.h1.get_text(strip=True) == translation.gettext("The portal is back in a moment")
    assert "Traceback" not in body.decode()


def test_the_balancer_still_sees_the_app_server_alive_while_the_database_is_away(
    server_without_database,
):
    # HAProxy checks /health/live: taking every server out would turn cached pages into errors.
    live = fetch(f"{server_without_database}/health/live")
    ready = fetch(f"{server_without_database}/health/ready")

    assert live[0] == 200
    # Varnish checks /health/ready: while it fails, Varnish serves the pages it keeps.
    assert ready[0] == 503
    assert "no-cache" in ready[1]["Cache-Control"]
