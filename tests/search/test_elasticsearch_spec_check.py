"""The stand-in's Elasticsearch 9 checks accept what the specification allows, refuse the rest."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.search.elasticsearch_spec import extract
from tests.search.elasticsearch_spec.check import problems

PAGES = "portal_wagtailcore_page_fr,portal_wagtailcore_page_nl"


def body(value):
    return json.dumps(value).encode()


def ndjson(*lines):
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


PORTAL_QUERY = {
    "bool": {
        "filter": [{"match": {"content_type": "wagtailcore.Page"}}],
        "must": {
            "multi_match": {
                "query": "facture",
                "fields": ["title^2", "_all_text"],
                "operator": "and",
            }
        },
    }
}

# What the portal's backend sends through elasticsearch-py 9.
BACKEND = [
    # The client moves from, size, _source and stored_fields into the body...
    (
        "POST",
        f"/{PAGES}/_search",
        {"allow_partial_search_results": "false"},
        body(
            {
                "query": PORTAL_QUERY,
                "from": 0,
                "size": 10,
                "_source": False,
                "stored_fields": "pk",
                "aggregations": {"content_type_id": {"terms": {"field": "content_type_id_filter"}}},
            }
        ),
    ),
    # ...and the specification takes them in the query string as well.
    (
        "POST",
        "/portal_wagtailcore_page_fr/_search",
        {"from": "0", "size": "10", "_source": "false"},
        body({"query": PORTAL_QUERY, "fields": ["pk"]}),
    ),
    ("POST", "/portal_x/_count", {}, body({"query": {"terms": {"id_filter": [1, 2]}}})),
    (
        "POST",
        "/_aliases",
        {},
        body(
            {
                "actions": [
                    {"remove": {"index": "portal_x_20261204t1300", "alias": "portal_x"}},
                    {"remove_index": {"index": "portal_x"}},
                    {"add": {"index": "portal_x_20261204t1400", "alias": "portal_x"}},
                ]
            }
        ),
    ),
    (
        "PUT",
        "/portal_x_20261204",
        {},
        body(
            {
                "settings": {"analysis": {"analyzer": {"default": {"type": "custom"}}}},
                "mappings": {"properties": {"title": {"type": "text"}}},
                "aliases": {"portal_x": {"is_write_index": True}},
            }
        ),
    ),
    ("HEAD", "/_alias/portal_x", {}, None),
    ("GET", "/_alias/portal_x", {}, None),
    ("HEAD", "/portal_x", {}, None),
    ("GET", "/portal_x_*", {"allow_no_indices": "true"}, None),
    ("DELETE", "/portal_x_20261204", {"ignore_unavailable": "true"}, None),
    ("POST", "/portal_x/_refresh", {}, None),
    ("PUT", "/portal_x/_mapping", {}, body({"properties": {"title": {"type": "text"}}})),
    ("PUT", "/portal_x/_doc/12", {"require_alias": "true"}, body({"title": "Facturer"})),
    ("DELETE", "/portal_x/_doc/12", {}, None),
    ("GET", "/", {}, None),
    ("HEAD", "/", {}, None),
    ("GET", "/_cluster/health", {"wait_for_status": "yellow", "pretty": "true"}, None),
    (
        "POST",
        "/_bulk",
        {"require_alias": "true", "refresh": ["false"]},
        ndjson(
            {"index": {"_index": "portal_x", "_id": "1"}},
            {"title": "Facturer", "content_type": ["wagtailcore.Page"]},
            {"delete": {"_index": "portal_x", "_id": "2"}},
        ),
    ),
]

# Request examples the specification ships (specification/**/examples/request/*.yaml).
SPEC_EXAMPLES = [
    # SearchRequestExample1 and 2.
    (
        "GET",
        "/my-index-000001/_search",
        {"from": "40", "size": "20"},
        body({"query": {"term": {"user.id": "kimchy"}}}),
    ),
    (
        "POST",
        "/_search",
        {},
        body(
            {
                "size": 100,
                "query": {"match": {"title": "elasticsearch"}},
                "pit": {
                    "id": "46ToAwMDaWR5BXV1aWQyKwZub2RlXzMAAAAAAAAAACoBYwA==",
                    "keep_alive": "1m",
                },
            }
        ),
    ),
    # BulkRequestExample2: updates with a script and upsert, doc_as_upsert, `_source`.
    (
        "POST",
        "/_bulk",
        {},
        ndjson(
            {"update": {"_id": "1", "_index": "index1", "retry_on_conflict": 3}},
            {"doc": {"field": "value"}},
            {"update": {"_id": "0", "_index": "index1", "retry_on_conflict": 3}},
            {
                "script": {
                    "source": "ctx._source.counter += params.param1",
                    "lang": "painless",
                    "params": {"param1": 1},
                },
                "upsert": {"counter": 1},
            },
            {"update": {"_id": "2", "_index": "index1", "retry_on_conflict": 3}},
            {"doc": {"field": "value"}, "doc_as_upsert": True},
            {"update": {"_id": "3", "_index": "index1", "_source": True}},
            {"doc": {"field": "value"}},
            {
                "create": {
                    "_index": "my_index",
                    "_id": "2",
                    "dynamic_templates": {"home_location": "geo_point"},
                }
            },
            {"field": "value2", "home_location": "41.12,-71.34"},
        ),
    ),
    # indicesCreateRequestExample3: aliases, one with a filter and routing.
    (
        "PUT",
        "/test",
        {},
        body(
            {
                "aliases": {
                    "alias_1": {},
                    "alias_2": {"filter": {"term": {"user.id": "kimchy"}}, "routing": "shard-1"},
                }
            }
        ),
    ),
    # IndicesUpdateAliasesExample1.
    (
        "POST",
        "/_aliases",
        {},
        body({"actions": [{"add": {"index": "logs-nginx.access-prod", "alias": "logs"}}]}),
    ),
    # indicesPutAliasRequestExample1: a filter with a range clause.
    (
        "POST",
        "/my-index-2099.05.06-000001/_alias/my-alias",
        {},
        body(
            {
                "filter": {
                    "bool": {
                        "filter": [
                            {"range": {"@timestamp": {"gte": "now-1d/d", "lt": "now/d"}}},
                            {"term": {"user.id": "kimchy"}},
                        ]
                    }
                }
            }
        ),
    ),
]

# Spelled as the specification allows, though not by our backend: aliases, shortcuts, unions.
OTHER_VALID = [
    (
        "POST",
        "/portal_x/_search",
        {},
        body({"aggs": {"kinds": {"terms": {"field": "kind"}}}, "_source": {"include": ["title"]}}),
    ),
    (
        "POST",
        "/portal_x/_search",
        {},
        body(
            {
                "query": {
                    "function_score": {
                        "query": {"match_all": {}},
                        "functions": [
                            {"gauss": {"date": {"origin": "now", "scale": "10d"}}, "weight": 2},
                            {"filter": {"term": {"kind": "guide"}}, "weight": 3},
                        ],
                    }
                },
                "sort": [{"date": "desc"}],
                "highlight": {"fields": {"title": {}}},
            }
        ),
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "query", "payload"), BACKEND + SPEC_EXAMPLES + OTHER_VALID
)
def test_requests_elasticsearch_accepts_pass(method, path, query, payload):
    assert problems(method, path, query, payload) == []


def search(value):
    return ("POST", "/portal_x/_search", {}, body(value))


@pytest.mark.parametrize(
    ("method", "path", "query", "payload", "expected"),
    [
        (
            "GET",
            "/_nonsense",
            {},
            None,
            "GET /_nonsense: no Elasticsearch 9 endpoint has this path",
        ),
        ("PUT", "/_portal_x", {}, None, "no Elasticsearch 9 endpoint has this path"),
        ("DELETE", "/_aliases", {}, None, "no Elasticsearch 9 endpoint takes DELETE on this path"),
        (
            "POST",
            "/portal_x/_search",
            {"scroll_size": "10"},
            None,
            "POST /portal_x/_search: unknown query parameter 'scroll_size'",
        ),
        (*search({"scrol": "1m"}), "POST /portal_x/_search: body has unknown property 'scrol'"),
        (
            *search({"query": {"bool": {"must": [{"match_everything": {}}]}}}),
            "body.query.bool.must[0] has unknown query clause 'match_everything'",
        ),
        (
            *search({"query": {"bool": {"filter": {"term": {"a": 1}}, "minimum_match": 1}}}),
            "body.query.bool has unknown property 'minimum_match'",
        ),
        (
            *search({"query": {"multi_match": {"query": "x", "operater": "and"}}}),
            "body.query.multi_match has unknown property 'operater'",
        ),
        (
            *search({"query": {"multi_match": {"query": {"text": "x"}}}}),
            "body.query.multi_match.query should be a single value (string)",
        ),
        (
            *search({"query": {"match": {"title": {"query": "x", "slop": 1}}}}),
            "body.query.match.title has unknown property 'slop'",
        ),
        (
            *search({"query": {"match": {"title": "x", "body": "y"}}}),
            "body.query.match should have exactly one key",
        ),
        (*search({"query": {"range": {"date": "2026-01-01"}}}), "should be an object"),
        (*search({"query": {"range": {"date": {"gtee": "now"}}}}), "unknown property 'gtee'"),
        (*search({"query": {"match_all": {}, "match_none": {}}}), "should hold one query clause"),
        (*search({"query": {}}), "body.query is empty: it should hold one query clause"),
        (
            "POST",
            "/_bulk",
            {},
            ndjson({"upsert": {"_id": "1"}}, {}),
            "line 1 has unknown bulk operation 'upsert'",
        ),
        (
            "POST",
            "/_bulk",
            {},
            ndjson({"delete": {"_id": "1", "_type": "doc"}}),
            "line 1.delete has unknown property '_type'",
        ),
        (
            "POST",
            "/_bulk",
            {},
            ndjson({"update": {"_id": "1"}}, {"dok": {}}),
            "line 2 has unknown property 'dok'",
        ),
        (
            "POST",
            "/_bulk",
            {},
            ndjson({"index": {"_id": "1"}}),
            "the last index operation has no document line",
        ),
        ("POST", "/_bulk", {}, b'{"index": {}}\n{"title": \n', "line 2 is not valid JSON"),
        ("HEAD", "/portal_x", {}, body({"a": 1}), "HEAD /portal_x: this endpoint takes no body"),
        ("POST", "/portal_x/_search", {}, b"{not json", "body is not valid JSON"),
        (
            "POST",
            "/_aliases",
            {},
            body({"actions": [{"add": {"index": "a", "alias": "b", "write": True}}]}),
            "body.actions[0].add has unknown property 'write'",
        ),
        ("PUT", "/portal_x", {}, body({"mapping": {}}), "body has unknown property 'mapping'"),
    ],
)
def test_requests_elasticsearch_refuses_are_named(method, path, query, payload, expected):
    found = problems(method, path, query, payload)

    assert any(expected in problem for problem in found), found


def test_every_problem_gets_its_own_message():
    found = problems(
        "POST", "/portal_x/_search", {"scroll_size": "1"}, body({"scrol": "1m", "sise": 10})
    )

    assert found == [
        "POST /portal_x/_search: unknown query parameter 'scroll_size'",
        "POST /portal_x/_search: body has unknown property 'scrol'",
        "POST /portal_x/_search: body has unknown property 'sise'",
    ]


def test_the_extract_is_what_the_specification_says():
    recorded = json.loads(extract.OUTPUT.read_text())
    repository = Path(extract.DEFAULT_REPO)
    if not repository.exists():
        pytest.skip(f"the specification's mirror is not on this machine ({repository})")
    commit = recorded["source"]["commit"]
    present = subprocess.run(
        ["git", "-C", str(repository), "cat-file", "-e", f"{commit}^{{commit}}"]
    )
    if present.returncode != 0:
        pytest.skip(f"the mirror at {repository} lacks the recorded commit {commit}")

    fresh = extract.extract(str(repository), commit)
    fresh["source"]["ref"] = recorded["source"]["ref"]  # Extracted from the branch, by name.

    # Change extract.py and run it again; endpoints.json is never edited by hand.
    assert extract.render(fresh) == extract.OUTPUT.read_text()
