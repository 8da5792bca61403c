"""A recording Elasticsearch 9 stand-in on 127.0.0.1, for tests where no real server can run.

It keeps indexes, aliases and documents in memory and answers the requests the portal's backend
sends (create, alias, bulk, index, delete, search, count) the way Elasticsearch 9 frames them.
Every request is recorded and checked against the Elasticsearch 9 specification
(tests/search/elasticsearch_spec); a request the specification does not allow is refused with a
400, as the server would, and listed in `violations`. Matching is deliberately simple (a document
matches when its text holds the query's words, accents and case aside): these tests are about
which index a request reaches and what happens around it, not about ranking.

Faults: `delay` holds every answer that many seconds (Elasticsearch slow, not down);
`failed_shards` makes searches fail on some shards (partial results); `rejected_writes` refuses
every document write while searches are answered (an overloaded cluster).
"""

import contextlib
import fnmatch
import json
import re
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from tests.search.elasticsearch_spec.check import problems

VERSION = {"number": "9.1.0", "build_flavor": "default", "lucene_version": "10.2.2"}


class ElasticsearchError(Exception):
    def __init__(self, status, kind, reason):
        super().__init__(reason)
        self.status, self.kind, self.reason = status, kind, reason

    def body(self):
        return {
            "error": {
                "root_cause": [{"type": self.kind, "reason": self.reason}],
                "type": self.kind,
                "reason": self.reason,
            },
            "status": self.status,
        }


def index_not_found(name):
    return ElasticsearchError(404, "index_not_found_exception", f"no such index [{name}]")


@dataclass
class StoredIndex:
    settings: dict = field(default_factory=dict)
    mappings: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    # Created by a write that reached a missing index, as Elasticsearch does by default.
    auto_created: bool = False


@dataclass
class Request:
    method: str
    path: str
    query: dict
    body: bytes
    problems: list


@dataclass
class StandIn:
    url: str = ""
    indices: dict = field(default_factory=dict)
    aliases: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)
    delay: float = 0.0
    # Shards that fail every search: Elasticsearch then answers partial results, or an error when
    # asked not to (allow_partial_search_results=false).
    failed_shards: int = 0
    # An overloaded cluster: searches are answered, every document write is refused (429).
    rejected_writes: bool = False
    lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def violations(self):
        return [request for request in self.requests if request.problems]

    def requests_to(self, suffix, method=None):
        return [
            request
            for request in self.requests
            if request.path.split("?")[0].endswith(suffix) and method in (None, request.method)
        ]

    def forget_requests(self):
        self.requests.clear()

    # --- names ------------------------------------------------------------------------------

    def concrete(self, expression, missing_ok=False):
        """The indexes a comma-separated list of index and alias names designates."""
        names = []
        for name in expression.split(","):
            if "*" in name:
                names.extend(sorted(fnmatch.filter(self.indices, name)))
            elif name in self.aliases:
                names.extend(sorted(self.aliases[name]))
            elif name in self.indices:
                names.append(name)
            elif not missing_ok:
                raise index_not_found(name)
        return names

    def write_target(self, name, require_alias=False):
        """Where a write to `name` lands; a missing index is created, with no mapping."""
        if self.rejected_writes:
            raise ElasticsearchError(
                429,
                "es_rejected_execution_exception",
                f"rejected execution of write on [{name}]: the write thread pool is full",
            )
        if require_alias and name not in self.aliases:
            raise ElasticsearchError(
                404,
                "index_not_found_exception",
                f"no such index [{name}] and [require_alias] request flag is [true]",
            )
        if name in self.aliases:
            targets = sorted(self.aliases[name])
            if len(targets) != 1:
                raise ElasticsearchError(
                    400,
                    "illegal_argument_exception",
                    f"no write index is defined for alias [{name}]",
                )
            return targets[0]
        if name not in self.indices:
            self.indices[name] = StoredIndex(auto_created=True)
        return name

    # --- operations -------------------------------------------------------------------------

    def create_index(self, name, body):
        if name in self.indices or name in self.aliases:
            raise ElasticsearchError(
                400, "resource_already_exists_exception", f"index [{name}] already exists"
            )
        self.indices[name] = StoredIndex(
            settings=body.get("settings", {}), mappings=body.get("mappings", {})
        )
        for alias in body.get("aliases", {}):
            self.aliases.setdefault(alias, set()).add(name)
        return {"acknowledged": True, "shards_acknowledged": True, "index": name}

    def delete_index(self, expression):
        for name in expression.split(","):
            if name in self.aliases:
                raise ElasticsearchError(
                    400,
                    "illegal_argument_exception",
                    f"The provided expression [{name}] matches an alias, "
                    "specify the corresponding concrete indices instead.",
                )
            if name not in self.indices:
                raise index_not_found(name)
        for name in expression.split(","):
            self.drop(name)
        return {"acknowledged": True}

    def drop(self, name):
        del self.indices[name]
        for alias in list(self.aliases):
            self.aliases[alias].discard(name)
            if not self.aliases[alias]:
                del self.aliases[alias]

    def update_aliases(self, actions):
        # All or nothing, as Elasticsearch applies them: check every action before any change.
        for action in actions:
            ((kind, spec),) = action.items()
            for index in spec.get("indices", [spec.get("index")]):
                if index not in self.indices:
                    raise index_not_found(index)
        for action in actions:
            ((kind, spec),) = action.items()
            indices = spec.get("indices", [spec.get("index")])
            aliases = spec.get("aliases", [spec.get("alias")])
            for index in indices:
                if kind == "remove_index":
                    self.drop(index)
                for alias in aliases if kind != "remove_index" else []:
                    if kind == "add":
                        self.aliases.setdefault(alias, set()).add(index)
                    elif alias in self.aliases:
                        self.aliases[alias].discard(index)
                        if not self.aliases[alias]:
                            del self.aliases[alias]
        return {"acknowledged": True}

    def get_alias(self, name):
        if name not in self.aliases:
            raise ElasticsearchError(404, "aliases_not_found_exception", f"alias [{name}] missing")
        return {index: {"aliases": {name: {}}} for index in sorted(self.aliases[name])}

    def put_document(self, name, document_id, document, require_alias=False):
        target = self.write_target(name, require_alias)
        created = document_id not in self.indices[target].documents
        self.indices[target].documents[document_id] = document
        return {"_index": target, "_id": document_id, "result": "created" if created else "updated"}

    def delete_document(self, name, document_id):
        target = self.write_target(name)
        found = self.indices[target].documents.pop(document_id, None) is not None
        if not found:
            raise ElasticsearchError(404, "not_found", f"[{document_id}] missing")
        return {"_index": target, "_id": document_id, "result": "deleted"}

    def bulk(self, default_index, body, require_alias=False):
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        items, position = [], 0
        while position < len(lines):
            ((operation, meta),) = lines[position].items()
            name = meta.get("_index", default_index)
            try:
                if operation == "delete":
                    position += 1
                    target = self.write_target(name, require_alias=name not in self.indices)
                    found = self.indices[target].documents.pop(meta["_id"], None) is not None
                    items.append(
                        {
                            "delete": {
                                "_index": target,
                                "_id": meta["_id"],
                                "status": 200 if found else 404,
                            }
                        }
                    )
                    continue
                position += 2
                answer = self.put_document(name, meta["_id"], lines[position - 1], require_alias)
                items.append({operation: {**answer, "status": 201}})
            except ElasticsearchError as error:
                items.append(
                    {
                        operation: {
                            "_index": name,
                            "status": error.status,
                            "error": error.body()["error"],
                        }
                    }
                )
        return {
            "took": 1,
            "errors": any("error" in next(iter(item.values())) for item in items),
            "items": items,
        }

    def search(self, expression, body, start, size, stored_fields=()):
        hits = self.matching(expression, body)
        wanted_fields = [
            *stored_fields,
            *as_list(body.get("fields")),
            *as_list(body.get("stored_fields")),
        ]
        page = []
        for index, document_id, score, document in hits[start : start + size]:
            hit = {"_index": index, "_id": document_id, "_score": score}
            values = {name: [document[name]] for name in wanted_fields if name in document}
            if values:
                hit["fields"] = values
            page.append(hit)
        answer = {
            "took": 1,
            "timed_out": False,
            "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            "hits": {
                "total": {"value": len(hits), "relation": "eq"},
                "max_score": hits[0][2] if hits else None,
                "hits": page,
            },
        }
        aggregations = body.get("aggregations") or body.get("aggs")
        if aggregations:
            answer["aggregations"] = {
                name: term_buckets(hits, spec["terms"]["field"])
                for name, spec in aggregations.items()
            }
        return answer

    def matching(self, expression, body):
        words = query_words(body.get("query", {}))
        found = []
        for index in self.concrete(expression):
            for document_id, document in sorted(self.indices[index].documents.items()):
                text = folded(" ".join(text_values(document)))
                score = sum(1 for word in words if word in text)
                if not words or score:
                    found.append((index, document_id, float(score or 1), document))
        return sorted(found, key=lambda hit: -hit[2])


def as_list(value):
    """A list of names, given one name, several, or none (the API takes all three)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def term_buckets(hits, field_name):
    """A `terms` aggregation: how many hits hold each value of `field_name`."""
    counts = {}
    for _index, _id, _score, document in hits:
        values = document.get(field_name)
        for value in values if isinstance(values, list) else [values]:
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
    buckets = [{"key": key, "doc_count": count} for key, count in sorted(counts.items())]
    return {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": buckets}


def folded(text):
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def text_values(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from text_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from text_values(item)
    elif isinstance(value, str):
        yield value


def query_words(query):
    """The words a query body searches for: every `query` text under its clauses."""
    words = []
    if isinstance(query, dict):
        for key, value in query.items():
            if key == "query" and isinstance(value, str):
                words.extend(re.findall(r"\w+", folded(value)))
            else:
                words.extend(query_words(value))
    elif isinstance(query, list):
        for item in query:
            words.extend(query_words(item))
    return words


def route(stand_in, method, segments, query, body):
    """Carry out one request; returns (status, answer or None for HEAD)."""
    document = json.loads(body) if body and segments[-1:] != ["_bulk"] else {}
    require_alias = query.get("require_alias", ["false"])[0] == "true"
    match [method, *segments]:
        case ["GET" | "HEAD"]:
            return 200, {"name": "stand-in", "cluster_name": "portal-tests", "version": VERSION}
        case ["GET", "_cluster", "health"]:
            return 200, {"cluster_name": "portal-tests", "status": "green"}
        case ["POST", "_aliases"]:
            return 200, stand_in.update_aliases(document.get("actions", []))
        case ["GET" | "HEAD", "_alias", name]:
            return 200, stand_in.get_alias(name)
        case ["PUT" | "POST", index, "_alias" | "_aliases", name]:
            return 200, stand_in.update_aliases([{"add": {"index": index, "alias": name}}])
        case ["POST" | "PUT", "_bulk"]:
            return 200, stand_in.bulk(None, body.decode(), require_alias)
        case ["POST" | "PUT", index, "_bulk"]:
            return 200, stand_in.bulk(index, body.decode(), require_alias)
        case ["PUT", index]:
            return 200, stand_in.create_index(index, document)
        case ["GET", index]:
            return 200, {
                name: {
                    "aliases": {
                        alias: {} for alias, targets in stand_in.aliases.items() if name in targets
                    },
                    "mappings": stand_in.indices[name].mappings,
                    "settings": stand_in.indices[name].settings,
                }
                for name in stand_in.concrete(index)
            }
        case ["HEAD", index]:
            stand_in.concrete(index)
            return 200, {}
        case ["DELETE", index]:
            return 200, stand_in.delete_index(index)
        case ["PUT" | "POST", index, "_mapping"]:
            for name in stand_in.concrete(index):
                stand_in.indices[name].mappings.setdefault("properties", {}).update(
                    document.get("properties", {})
                )
            return 200, {"acknowledged": True}
        case ["POST" | "GET", index, "_refresh"]:
            stand_in.concrete(index)
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        case ["PUT" | "POST", index, "_doc", document_id]:
            return 200, stand_in.put_document(index, document_id, document, require_alias)
        case ["DELETE", index, "_doc", document_id]:
            return 200, stand_in.delete_document(index, document_id)
        case ["POST" | "GET", index, "_search"] if stand_in.failed_shards:
            if query.get("allow_partial_search_results") == ["false"]:
                raise ElasticsearchError(
                    503, "search_phase_execution_exception", "Partial shards failure"
                )
            answer = stand_in.search(index, document, 0, 0)
            answer["_shards"].update(total=2, successful=2 - stand_in.failed_shards)
            answer["_shards"]["failed"] = stand_in.failed_shards
            return 200, answer
        case ["POST" | "GET", index, "_search"]:
            start = int(query.get("from", [document.get("from", 0)])[0])
            size = int(query.get("size", [document.get("size", 10)])[0])
            stored = [name for value in query.get("stored_fields", []) for name in value.split(",")]
            return 200, stand_in.search(index, document, start, size, stored)
        case ["POST" | "GET", index, "_count"]:
            return 200, {"count": len(stand_in.matching(index, document))}
    raise ElasticsearchError(400, "illegal_argument_exception", f"{method} /{'/'.join(segments)}")


def handler_for(stand_in):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without this, each answer waits for the
        # client's delayed acknowledgement (40 ms).
        disable_nagle_algorithm = True

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            address = urlsplit(self.path)
            query = parse_qs(address.query, keep_blank_values=True)
            found = problems(self.command, address.path, query, body or None)
            stand_in.requests.append(Request(self.command, self.path, query, body, found))
            if stand_in.delay:
                time.sleep(stand_in.delay)
            segments = [unquote(part) for part in address.path.split("/") if part]
            try:
                if found:
                    raise ElasticsearchError(400, "x_content_parse_exception", "; ".join(found))
                with stand_in.lock:
                    status, answer = route(stand_in, self.command, segments, query, body)
            except ElasticsearchError as error:
                status, answer = error.status, error.body()
            self.answer(status, answer)

        def answer(self, status, answer):
            payload = b"" if self.command == "HEAD" else json.dumps(answer).encode()
            self.send_response(status)
            # The official client refuses answers without it.
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                # The client gave up waiting (a timeout under `delay`).
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = handle_any

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def elasticsearch_stand_in():
    """Run the stand-in on a free port of 127.0.0.1 for the duration of the block."""
    stand_in = StandIn()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(stand_in))
    server.daemon_threads = True
    stand_in.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
