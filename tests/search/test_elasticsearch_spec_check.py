"""The Elasticsearch 9 request checks the stand-in applies accept what the server accepts and
refuse what it refuses (tests/search/elasticsearch_spec)."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.search.elasticsearch_spec import extract
from tests.search.elasticsearch_spec.check import problems

PAGES = "portal_wagtailcore_page_fr,portal_wagtailcore_page_nl,portal_wagtailcore_page_en"


def body(value):
    return json.dumps(value).encode()


def ndjson(*lines):
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


VALID = [
    # What the portal's backend sends (recorded from it through the stand-in).
    (
        "POST",
        f"/{PAGES}/_search",
        {"allow_partial_search_results": ["false"]},
        body(
            {
                "from": 0,
                "size": 10,
                "_source": False,
                "stored_fields": "pk",
                "query": {
                    "bool": {
                        "must": {
                            "multi_match": {
                                "query": "facture",
                                "fields": ["title^2", "_all_text"],
                                "operator": "and",
                            }
                        },
                        "filter": [
                            {"match": {"_django_content_type": "wagtailcore.Page"}},
                            {"terms": {"id_filter": [1, 2]}},
                        ],
                    }
                },
                "aggregations": {
                    "content_type_id": {"terms": {"field": "content_type_id_filter", "missing": 0}}
                },
            }
        ),
    ),
    ("POST", "/portal_x/_count", {}, body({"query": {"match_all": {}}})),
    (
        "POST",
        "/_aliases",
        {},
        body(
            {
                "actions": [
                    {"remove": {"index": "portal_x_20261204t1300_ab12", "alias": "portal_x"}},
                    {"remove_index": {"index": "portal_y"}},
                    {"add": {"index": "portal_x_20261204t1400_cd34", "alias": "portal_x"}},
                ]
            }
        ),
    ),
    (
        "PUT",
        "/portal_x_20261204t1400_cd34",
        {},
        body(
            {
                "settings": {"analysis": {}},
                "mappings": {"properties": {}},
                "aliases": {"portal_x": {}},
            }
        ),
    ),
    ("HEAD", "/_alias/portal_x", {}, None),
    ("GET", "/_alias/portal_x", {}, None),
    ("HEAD", "/portal_x", {}, None),
    ("HEAD", "/", {}, None),
    ("DELETE", "/portal_x_20261204t1300_ab12", {"ignore_unavailable": ["true"]}, None),
    (
        "PUT",
        "/portal_x/_doc/12",
        {"require_alias": ["true"]},
        body({"pk": "12", "title": "Facturer"}),
    ),
    (
        "PUT",
        "/_bulk",
        {"require_alias": ["true"]},
        ndjson(
            {"index": {"_index": "portal_x", "_id": "1"}},
            {"title": "Facturer"},
            {"delete": {"_index": "portal_x_nl", "_id": "2"}},
        ),
    ),
]


@pytest.mark.parametrize(("method", "path", "query", "payload"), VALID)
def test_requests_elasticsearch_accepts_pass(method, path, query, payload):
    assert problems(method, path, query, payload) == []


@pytest.mark.parametrize(
    ("method", "path", "query", "payload", "expected"),
    [
        ("GET", "/_nonsense", {}, None, "no Elasticsearch 9 endpoint"),
        ("DELETE", "/_aliases", {}, None, "no Elasticsearch 9 endpoint"),
        (
            "POST",
            "/portal_x/_search",
            {"scroll_size": ["10"]},
            None,
            "unknown query parameter 'scroll_size'",
        ),
        ("POST", "/portal_x/_search", {}, body({"scrol": "1m"}), "unknown property 'scrol'"),
        (
            "POST",
            "/portal_x/_search",
            {},
            body({"query": {"bool": {"must": [{"match_everything": {}}]}}}),
            "unknown query clause 'match_everything'",
        ),
        (
            "POST",
            "/portal_x/_search",
            {},
            body({"query": {"multi_match": {"query": "x", "operater": "and"}}}),
            "unknown property 'operater'",
        ),
        (
            "POST",
            "/portal_x/_search",
            {},
            body({"query": {"match": {"title": {"query": "x", "slop": 1}}}}),
            "unknown property 'slop'",
        ),
        ("POST", "/_bulk", {}, ndjson({"upsert": {"_id": "1"}}, {}), "is not one of"),
        ("POST", "/_bulk", {}, ndjson({"index": {"_id": "1"}}), "no document line"),
        ("HEAD", "/portal_x", {}, body({"a": 1}), "takes no body"),
        ("POST", "/portal_x/_search", {}, b"{not json", "not valid JSON"),
        (
            "POST",
            "/_aliases",
            {},
            body({"actions": [{"add": {"index": "a", "alias": "b", "write": True}}]}),
            "unknown property 'write'",
        ),
    ],
)
def test_requests_elasticsearch_refuses_are_named(method, path, query, payload, expected):
    found = problems(method, path, query, payload)

    assert any(expected in problem for problem in found), found


def test_the_extract_is_what_the_specification_says():
    recorded = json.loads(Path(extract.OUTPUT).read_text())
    repository = Path(extract.DEFAULT_REPO)
    if not repository.exists():
        pytest.skip(f"the specification's repository is not on this machine ({repository})")
    commit = recorded["source"]["commit"]
    try:
        subprocess.run(["git", "-C", str(repository), "cat-file", "-e", commit], check=True)
    except subprocess.CalledProcessError:
        pytest.skip(f"commit {commit} is not in {repository}")

    fresh = extract.extract(str(repository), commit)
    fresh["source"]["ref"] = recorded["source"]["ref"]

    # Edit extract.py and run it again; never endpoints.json by hand.
    assert json.loads(extract.render(fresh)) == recorded
