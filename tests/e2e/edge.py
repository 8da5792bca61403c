"""Varnish with the portal's VCL (deploy/varnish/portal.vcl) in front of a site on 127.0.0.1."""

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from string import Template

import pytest
from django.conf import settings

from benchmarks.services import system_program
from tests.e2e.live_site import stop

DEPLOY = Path(settings.BASE_DIR) / "deploy" / "varnish"
STARTUP_TIMEOUT = 30


@contextmanager
def run_varnish(port, backend_port):
    """varnishd on 127.0.0.1:`port`, with the site on `backend_port` behind it, until the end of
    the `with` block; the app servers' address, 127.0.0.1, may purge."""
    varnishd = system_program("varnishd")
    if not varnishd:
        pytest.fail("No varnishd: `apt-get install varnish varnish-modules` (.ci/run does).")
    folder = Path(tempfile.mkdtemp(prefix="portal-e2e-varnish-"))
    # Varnish drops its privileges: its own user must read the VCL written here.
    folder.chmod(0o755)
    backends = Template((DEPLOY / "backends.vcl.template").read_text()).substitute(
        BALANCER_HOST="127.0.0.1",
        BALANCER_PORT=backend_port,
        SITE_HOST="127.0.0.1",
        PURGER="127.0.0.1",
    )
    (folder / "backends.vcl").write_text(backends)
    (folder / "backends.vcl").chmod(0o644)
    with tempfile.TemporaryFile(prefix="portal-e2e-varnish-log-") as log:
        process = subprocess.Popen(
            [
                varnishd,
                "-F",
                "-n",
                str(folder / "work"),
                "-a",
                f"127.0.0.1:{port}",
                "-T",
                "none",
                "-f",
                str(DEPLOY / "portal.vcl"),
                "-p",
                f"vcl_path={folder}:{DEPLOY}:/usr/share/varnish/vcl",
                "-s",
                "malloc,64m",
            ],  # fmt: skip
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            if not healthy(url, process):
                log.seek(0)
                raise RuntimeError(f"Varnish did not start:\n{log.read().decode()[-3000:]}")
            yield url
        finally:
            stop(process)
            shutil.rmtree(folder, ignore_errors=True)


def healthy(url, process):
    """Wait until Varnish serves a page of the site behind it (its probe says the site is up)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            # Always the Varnish this module started on 127.0.0.1.
            with urllib.request.urlopen(f"{url}/health/ready", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    return False
