"""`manage.py check` warns when production's Redis could grow without bound or refuse writes.

Each case runs a Redis of its own, started here on a free loopback port, configured as the case
says, so the shared Redis of this machine is never reconfigured.
"""

import socket
import subprocess
import time

import pytest
from django.core.checks import run_checks

from portal.settings.base import redis_cache


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis(settings):
    """Starts a Redis with the given arguments and points the default cache at it."""
    processes = []

    def start(*arguments):
        port = free_port()
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", *arguments],
            stdout=subprocess.DEVNULL,
        )
        processes.append(process)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
            except OSError:
                time.sleep(0.05)
        settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{port}/0")}

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def warning_ids():
    return {message.id for message in run_checks(tags=["caches"])}


def test_a_redis_without_maxmemory_or_eviction_is_reported(own_redis):
    own_redis("--maxmemory", "0", "--maxmemory-policy", "noeviction")

    assert {"portal.W002", "portal.W003"} <= warning_ids()


def test_a_redis_with_maxmemory_and_eviction_passes(own_redis):
    own_redis("--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru")

    assert not {"portal.W001", "portal.W002", "portal.W003"} & warning_ids()


def test_an_unreachable_redis_is_reported_not_raised(settings):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}

    assert "portal.W001" in warning_ids()
