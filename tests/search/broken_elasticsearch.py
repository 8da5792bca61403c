"""Elasticsearch gone wrong, on 127.0.0.1: one that never answers, one that answers nonsense.

Each counts what it was asked, so a test can tell whether the portal still tries.
"""

import json
import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# What a search of an index that Elasticsearch created by itself, when a save reached it before
# the portal's index existed, can return: hits without the `pk` field the backend asks for.
HITS_WITHOUT_FIELDS = {
    "took": 1,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 1, "relation": "eq"},
        "max_score": 1.0,
        "hits": [{"_index": "portal_wagtailcore_page_fr", "_id": "1", "_score": 1.0}],
    },
}


@contextmanager
def server_that_never_answers():
    """Accepts connections and reads nothing from them: Elasticsearch overloaded."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    state = {"connections": 0, "url": f"http://127.0.0.1:{listener.getsockname()[1]}"}
    held, stopping = [], threading.Event()

    def accept():
        while not stopping.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            state["connections"] += 1
            held.append(connection)  # Read nothing, answer nothing, keep it open.

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stopping.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


@contextmanager
def elasticsearch_answering(body):
    """Answers every request with `body`, as Elasticsearch 9 would frame it."""
    state = {"requests": []}

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            state["requests"].append((self.command, self.path, self.rfile.read(length)))
            payload = json.dumps(body).encode()
            self.send_response(200)
            # The official client refuses answers without it.
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
