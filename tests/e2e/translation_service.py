"""A machine translation service for the journeys: LibreTranslate's /translate on 127.0.0.1.

The site calls it exactly as it calls a real LibreTranslate (LIBRETRANSLATE_URL); it answers each
text as "[nl] text", so a journey can tell machine-made segments from a translator's.
"""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LibreTranslateAPI(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length).decode() or "{}")
        texts = request.get("q", [])
        if isinstance(texts, str):
            texts = [texts]
        payload = json.dumps(
            {"translatedText": [f"[{request.get('target')}] {text}" for text in texts]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@contextmanager
def machine_translation_service():
    """Serve the API on a free loopback port; yields its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslateAPI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
