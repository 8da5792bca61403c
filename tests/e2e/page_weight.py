"""Weigh a page as the browser loads it: bytes over the wire by kind, and any foreign host."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Images are left out of the budget; everything else the page loads counts.
UNCOUNTED_TYPES = {"image"}


@dataclass
class PageWeight:
    counted_bytes: int = 0
    image_bytes: int = 0
    foreign_requests: list = field(default_factory=list)

    @property
    def kilobytes(self):
        return self.counted_bytes / 1024


def weigh_page(context, url):
    """Load `url` in a fresh page of `context` (whose cache is empty) and weigh what it loaded."""
    host = urlsplit(url).netloc
    weight = PageWeight()
    finished = []
    page = context.new_page()
    page.on("request", lambda request: _note_foreign(request, host, weight))
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    for request in finished:
        sizes = request.sizes()
        transferred = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        if request.resource_type in UNCOUNTED_TYPES:
            weight.image_bytes += transferred
        else:
            weight.counted_bytes += transferred
    page.close()
    return weight


def _note_foreign(request, host, weight):
    parts = urlsplit(request.url)
    # data: and blob: URLs are built in the page and never leave the browser.
    if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != host:
        weight.foreign_requests.append(request.url)
