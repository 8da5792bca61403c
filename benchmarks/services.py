"""Throwaway copies of the services the portal needs, for runs that break or replace them.

A PostgreSQL cluster (initdb into a temporary folder, run as the `postgres` user) and a
redis-server, each on a free port of 127.0.0.1, so that stopping them never touches the
PostgreSQL and Redis that other work on this machine uses.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks import load_server

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def system_program(name):
    """The path of a server Debian installs, such as varnishd or haproxy, or None.

    Servers go to /usr/sbin, which a stripped environment (CI's, cron's) may leave off PATH.
    """
    return shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(*command, **kwargs):
    """Run a PostgreSQL tool as the `postgres` user, who owns the throwaway cluster."""
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


class Cluster:
    """A PostgreSQL cluster of this run only, in a temporary folder, on 127.0.0.1:`port`."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-pg-"))
        shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def create(self):
        as_postgres(PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E",
                    "UTF8", "--locale=C.UTF-8")  # fmt: skip
        self.start()
        as_postgres(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "portal")

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=on"
        as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-o", options, "-l",
                    self.folder / "server.log", "-w", "-t", "60", "start")  # fmt: skip

    def stop(self, mode):
        as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "60", "stop")

    def query(self, sql):
        return as_postgres(
            PG_BIN / "psql", "-h", "127.0.0.1", "-p", self.port, "-d", "portal", "-At", "-c", sql
        ).stdout.strip()

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    PG_BIN / "pg_ctl",
                    "-D",
                    self.data,
                    "-m",
                    "immediate",
                    "stop",
                ],  # fmt: skip
                check=False,
                capture_output=True,
            )
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    """A redis-server of this run only, without persistence, on 127.0.0.1:`port`."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                # As production sets it (docs/deployment.md): bounded, evicting.
                "--maxmemory",
                "256mb",
                "--maxmemory-policy",
                "allkeys-lru",
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        load_server.stop(self.process)
        self.process = None
