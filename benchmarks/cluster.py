"""`make cluster`: the production topology on one machine, on the loopback address only.

    member → Varnish (deploy/varnish/portal.vcl) → HAProxy (deploy/haproxy/portal.cfg)
           → two app servers (gunicorn, production settings) → PostgreSQL and Redis

Every piece is the real server, started here: PostgreSQL and Redis of this run
(benchmarks/services.py, so stopping them never touches the machine's own), the demo site loaded
into it, static files collected, both app servers purging Varnish on every change to content
(EDGE_CACHE_PURGE_URLS). `make cluster` keeps it up until Ctrl-C; `make cluster-load` and
`make cluster-faults` start their own and stop it at the end, also when a step fails.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from string import Template

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from benchmarks import load, load_server  # noqa: E402
from benchmarks.services import Cluster, Redis, free_port, system_program  # noqa: E402

DEPLOY = BASE_DIR / "deploy"
APP_SERVERS = ("app1", "app2")


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


class Topology:
    """Varnish, HAProxy and two app servers in front of a PostgreSQL and a Redis of their own."""

    def __init__(self, workers=2, threads=4):
        self.workers, self.threads = workers, threads
        self.folder = Path(tempfile.mkdtemp(prefix="portal-cluster-"))
        # Varnish drops its privileges: its own user must read the VCL written here.
        self.folder.chmod(0o755)
        self.database, self.redis = Cluster(), Redis()
        self.app_ports = {name: free_port() for name in APP_SERVERS}
        self.apps = {}
        self.balancer_port, self.varnish_port = free_port(), free_port()
        self.haproxy = self.varnish = None
        self.environment = self.static_root = self.world = None

    @property
    def url(self):
        """Where members reach the site: Varnish."""
        return f"http://{load_server.HOST}:{self.varnish_port}"

    def app_url(self, name):
        return f"http://{load_server.HOST}:{self.app_ports[name]}"

    def start(self):
        self.database.create()
        self.redis.start()
        self.environment = load_server.production_environment(self.database.url, self.redis.url)
        print("Loading the demo site into the cluster's own PostgreSQL…", flush=True)
        self.world = load.prepare_site(self.environment)
        self.static_root = load_server.collect_static(self.environment)
        # Only the app servers purge: nothing is kept yet while the demo site loads.
        self.environment["EDGE_CACHE_PURGE_URLS"] = f"{self.url}/"
        for name in APP_SERVERS:
            self.start_app(name)
        self.start_haproxy()
        self.start_varnish()

    def start_app(self, name):
        self.apps[name] = load_server.start_gunicorn(
            self.environment,
            self.app_ports[name],
            workers=self.workers,
            threads=self.threads,
            log_path=self.folder / f"{name}.log",
        )

    def stop_app(self, name, kill=False):
        process = self.apps.pop(name)
        if kill:
            process.kill()
            process.wait()
        else:
            # gunicorn's graceful stop: no new connection, requests in flight are finished.
            load_server.stop(process)

    def start_haproxy(self):
        environment = {
            **os.environ,
            "PORTAL_HAPROXY_SOCKET": str(self.folder / "haproxy.sock"),
            "PORTAL_BALANCER_BIND": f"127.0.0.1:{self.balancer_port}",
            "PORTAL_HOST": load_server.HOST,
            **{
                f"PORTAL_{name.upper()}": f"127.0.0.1:{port}"
                for name, port in self.app_ports.items()
            },
        }
        log = open(self.folder / "haproxy.log", "ab")  # noqa: SIM115 - closed in stop()
        self.haproxy = subprocess.Popen(
            [system_program("haproxy"), "-db", "-f", str(DEPLOY / "haproxy" / "portal.cfg")],
            env=environment,
            stdout=log,
            stderr=log,
        )
        self.haproxy.log = log
        wait_for_port(self.balancer_port)

    def haproxy_command(self, command):
        """One command to HAProxy's runtime API; its answer."""
        with socket.socket(socket.AF_UNIX) as connection:
            connection.connect(str(self.folder / "haproxy.sock"))
            connection.sendall(command.encode() + b"\n")
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        return answer.decode()

    def sessions_on(self, name):
        """Requests HAProxy has under way on app server `name`."""
        lines = self.haproxy_command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "app_servers" and row.get("svname") == name:
                return int(row["scur"] or 0)
        return 0

    def restart_app(self, name):
        """Take `name` out of rotation, let its requests finish, restart it, put it back."""
        self.haproxy_command(f"set server app_servers/{name} state drain")
        deadline = time.monotonic() + 30
        while self.sessions_on(name) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.stop_app(name)
        self.start_app(name)
        self.haproxy_command(f"set server app_servers/{name} state ready")
        # Back in rotation once its health check passes again.
        deadline = time.monotonic() + 30
        while "UP" not in self.server_state(name) and time.monotonic() < deadline:
            time.sleep(0.2)

    def server_state(self, name):
        for line in self.haproxy_command("show stat").splitlines()[1:]:
            fields = line.split(",")
            if fields[:2] == ["app_servers", name]:
                return fields[17]
        return ""

    def start_varnish(self):
        template = Template((DEPLOY / "varnish" / "backends.vcl.template").read_text())
        backends = template.substitute(
            BALANCER_HOST="127.0.0.1",
            BALANCER_PORT=self.balancer_port,
            SITE_HOST=load_server.HOST,
            PURGER="127.0.0.1",
        )
        (self.folder / "backends.vcl").write_text(backends)
        (self.folder / "backends.vcl").chmod(0o644)
        log = open(self.folder / "varnish.log", "ab")  # noqa: SIM115 - closed in stop()
        self.varnish = subprocess.Popen(
            [
                system_program("varnishd"),
                "-F",
                "-n",
                str(self.folder / "varnish"),
                "-a",
                f"127.0.0.1:{self.varnish_port}",
                "-T",
                "none",
                "-f",
                str(DEPLOY / "varnish" / "portal.vcl"),
                "-p",
                f"vcl_path={self.folder}:{DEPLOY / 'varnish'}:/usr/share/varnish/vcl",
                "-s",
                "malloc,256m",
            ],  # fmt: skip
            stdout=log,
            stderr=log,
        )
        self.varnish.log = log
        wait_for_port(self.varnish_port)

    def restart_varnish(self):
        load_server.stop(self.varnish)
        self.start_varnish()

    def stop(self):
        load_server.stop(self.varnish)
        load_server.stop(self.haproxy)
        for name in list(self.apps):
            self.stop_app(name)
        self.redis.stop()
        self.database.remove()
        if self.static_root:
            shutil.rmtree(self.static_root, ignore_errors=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def main():
    topology = Topology()
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        topology.start()
        print(
            f"The portal runs at {topology.url}/fr/ (Varnish → HAProxy on port "
            f"{topology.balancer_port} → app servers on ports "
            f"{', '.join(map(str, topology.app_ports.values()))}). Requests must say "
            "'X-Forwarded-Proto: https', as the TLS proxy in front would. Ctrl-C stops it.",
            flush=True,
        )
        while not stopping:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        topology.stop()


if __name__ == "__main__":
    main()
