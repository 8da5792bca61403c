"""The stand-in's Elasticsearch 9 checks accept what the specification allows, refuse the rest."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.home.factories import build_site_tree
from tests.search.elasticsearch_spec import extract
from tests.search.elasticsearch_spec.check import TAGGED, problems
from tests.search.elasticsearch_stand_in import elasticsearch_stand_in
from tests.search.test_elasticsearch_indexes import backends_at

PAGES = "portal_wagtailcore_page_fr,portal_wagtailcore_page_nl"


def body(value):
    return json.dumps(value).encode()


def search(value):
    return ("POST", "/portal_x/_search", {}, body(value))


def create_index(value):
    return ("PUT", "/portal_x", {}, body(value))


def put_mapping(value):
    return ("PUT", "/portal_x/_mapping", {}, body(value))


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


# Mappings and settings spelled as Elasticsearch takes them, though not by our backend.
MAPPINGS_AND_SETTINGS_VALID = [
    (
        "PUT",
        "/portal_x",
        {},
        body(
            {
                "settings": {
                    # Flat, nested and mixed forms are one setting to Elasticsearch.
                    "index.number_of_shards": 1,
                    "index": {"number_of_replicas": "0", "refresh_interval": "1s"},
                    "index.analysis.filter.portal_stop.type": "stop",
                    "index.analysis.filter.portal_stop.stopwords": ["le", "la"],
                    "analysis": {
                        "filter": {
                            "portal_stop": {"ignore_case": True},
                            "portal_snowball": {"type": "snowball", "language": "French"},
                            "portal_elision": {"type": "elision", "articles_case": "true"},
                            "portal_shingle": {"type": "shingle", "max_shingle_size": 3},
                        },
                        "char_filter": {"portal_html": {"type": "html_strip"}},
                        "tokenizer": {"portal_edge": {"type": "edge_ngram", "min_gram": 2}},
                        "normalizer": {"portal_folding": {"filter": ["lowercase"]}},
                        "analyzer": {
                            # No type: a custom analyzer.
                            "portal_html": {"tokenizer": "standard", "char_filter": "portal_html"},
                            "portal_french": {"type": "french", "stopwords": "_french_"},
                        },
                    },
                },
                "mappings": {
                    "dynamic": False,
                    "properties": {
                        # No type: an object.
                        "author": {"properties": {"name": {"type": "keyword"}}},
                        "title": {
                            "type": "text",
                            "fields": {"raw": {"type": "keyword", "normalizer": "portal_folding"}},
                        },
                        "tags": {"type": "nested", "dynamic": "strict", "properties": {}},
                        "suggest": {"type": "completion", "analyzer": "simple"},
                        "rank": {"type": "scaled_float", "scaling_factor": 10},
                    },
                },
            }
        ),
    ),
    ("PUT", "/portal_x/_mapping", {}, body({"dynamic": "true", "date_detection": False})),
    search({"query": {"match": {"title": {"query": "x", "operator": "AND"}}}}),
    search({"query": {"multi_match": {"query": "x", "type": "phrase", "zero_terms_query": "all"}}}),
]


@pytest.mark.parametrize(
    ("method", "path", "query", "payload"),
    BACKEND + SPEC_EXAMPLES + OTHER_VALID + MAPPINGS_AND_SETTINGS_VALID,
)
def test_requests_elasticsearch_accepts_pass(method, path, query, payload):
    assert problems(method, path, query, payload) == []


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
        (
            *put_mapping({"properties": {"title": {"type": "text", "analyser": "default"}}}),
            "body.properties.title has unknown property 'analyser'",
        ),
        (
            *put_mapping({"properties": {"title": {"type": "keyword", "analyzer": "default"}}}),
            "body.properties.title has unknown property 'analyzer'",
        ),
        (
            *put_mapping({"properties": {"title": {"type": "txt"}}}),
            'body.properties.title has unknown mapping property type "txt"',
        ),
        (
            *put_mapping({"properties": {"title": {"type": "string"}}}),
            'body.properties.title has unknown mapping property type "string"',
        ),
        (
            *put_mapping(
                {"properties": {"tags": {"type": "nested", "properties": {"a": {"stored": True}}}}}
            ),
            "body.properties.tags.properties.a has unknown property 'stored'",
        ),
        (
            *put_mapping(
                {
                    "properties": {
                        "title": {"fields": {"raw": {"type": "keyword", "ignore_abov": 1}}}
                    }
                }
            ),
            "body.properties.title.fields.raw has unknown property 'ignore_abov'",
        ),
        (
            *put_mapping({"dynamic": "strickt"}),
            'body.dynamic is "strickt", not one of DynamicMapping\'s values',
        ),
        (
            *create_index({"mappings": {"properties": {"n": {"type": "long", "null_valu": 0}}}}),
            "body.mappings.properties.n has unknown property 'null_valu'",
        ),
        (
            *create_index({"settings": {"analysis": {"filter": {"f": {"type": "elison"}}}}}),
            'body.settings.analysis.filter.f has unknown token filter type "elison"',
        ),
        (
            *create_index({"settings": {"index.analysis.filter.f.type": "elison"}}),
            'body.settings.analysis.filter.f has unknown token filter type "elison"',
        ),
        (
            *create_index({"settings": {"analysis": {"filter": {"f": {"stopwords": "_none_"}}}}}),
            "body.settings.analysis.filter.f has no 'type': it should name a token filter type",
        ),
        (
            *create_index({"settings": {"analysis": {"tokenizer": {"t": {"type": "edgengram"}}}}}),
            'body.settings.analysis.tokenizer.t has unknown tokenizer type "edgengram"',
        ),
        (
            *create_index({"settings": {"analysis": {"analyzer": {"a": {"type": "frensh"}}}}}),
            'body.settings.analysis.analyzer.a has unknown analyzer type "frensh"',
        ),
        (
            *create_index({"settings": {"analysis": {"char_filter": {"c": {"type": "html"}}}}}),
            'body.settings.analysis.char_filter.c has unknown char filter type "html"',
        ),
        (
            *create_index({"settings": {"analysis": {"normalizer": {"n": {"type": "lower"}}}}}),
            'body.settings.analysis.normalizer.n has unknown normalizer type "lower"',
        ),
        (
            *create_index({"settings": {"analysis": {"analyser": {}}}}),
            "body.settings.analysis has unknown property 'analyser'",
        ),
        (
            *search({"query": {"multi_match": {"query": "x", "operator": "all"}}}),
            'body.query.multi_match.operator is "all", not one of Operator\'s values (and, AND',
        ),
        (
            *search({"query": {"match": {"title": {"query": "x", "operator": "and_not"}}}}),
            'body.query.match.title.operator is "and_not", not one of Operator\'s values',
        ),
        (
            *search({"query": {"multi_match": {"query": "x", "type": "best_field"}}}),
            'body.query.multi_match.type is "best_field", not one of TextQueryType\'s values',
        ),
        (
            *search({"query": {"match": {"title": {"query": "x", "zero_terms_query": "any"}}}}),
            "not one of ZeroTermsQuery's values (all, none)",
        ),
        (
            *search({"query": {"multi_match": {"query": "x", "operator": True}}}),
            "body.query.multi_match.operator is true, not one of Operator's values",
        ),
    ],
)
def test_requests_elasticsearch_refuses_are_named(method, path, query, payload, expected):
    found = problems(method, path, query, payload)

    assert any(expected in problem for problem in found), found


# Elasticsearch 9 does not refuse an analysis component's unknown options: it ignores them
# (elastic/elasticsearch#41299), so a misspelled option silently does nothing. The specification
# names each component's options; the checks name what it does not know.
@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            {"analysis": {"filter": {"f": {"type": "stop", "stopword": "_french_"}}}},
            "body.settings.analysis.filter.f has unknown property 'stopword'",
        ),
        (
            {"analysis": {"filter": {"f": {"type": "elision", "article": ["l"]}}}},
            "body.settings.analysis.filter.f has unknown property 'article'",
        ),
        (
            {"index.analysis.filter.f.type": "stemmer", "index.analysis.filter.f.langage": "dutch"},
            "body.settings.analysis.filter.f has unknown property 'langage'",
        ),
        (
            {"analysis": {"analyzer": {"a": {"tokenizer": "standard", "filters": ["lowercase"]}}}},
            "body.settings.analysis.analyzer.a has unknown property 'filters'",
        ),
        (
            {"analysis": {"filter": {"f": {"type": "edge_ngram", "min_grams": 1}}}},
            "body.settings.analysis.filter.f has unknown property 'min_grams'",
        ),
        (
            {"analysis": {"filter": {"f": {"type": "snowball", "language": "french"}}}},
            'body.settings.analysis.filter.f.language is "french", not one of SnowballLanguage\'s',
        ),
    ],
)
def test_analysis_options_elasticsearch_would_ignore_are_named(settings, expected):
    found = problems(*create_index({"settings": settings}))

    assert any(expected in problem for problem in found), found


@pytest.fixture
def backend_requests(db):
    """Every request the portal's backend sends for a rebuild, as the stand-in recorded it."""
    with (
        elasticsearch_stand_in() as stand_in,
        override_settings(WAGTAILSEARCH_BACKENDS=backends_at(stand_in.url)),
    ):
        build_site_tree()
        call_command("update_index", backend_name="default", verbosity=0)
    return stand_in.requests


def test_the_backend_index_creations_pass_the_deep_checks(backend_requests):
    creations = [
        request
        for request in backend_requests
        if request.method == "PUT" and "/_" not in request.path and request.body
    ]
    analyses = [json.loads(request.body)["settings"]["analysis"] for request in creations]

    assert [problems(r.method, r.path, r.query, r.body) for r in creations] == [[]] * len(creations)
    # Each language's filters and analyzers were there to check, by their types.
    filter_types = {f["type"] for analysis in analyses for f in analysis.get("filter", {}).values()}
    assert {"stop", "stemmer", "elision", "edge_ngram", "ngram"} <= filter_types
    assert filter_types <= set(TAGGED["TokenFilterDefinition"]["variants"])


def test_the_backend_mappings_pass_the_deep_checks(backend_requests):
    mappings = [r for r in backend_requests if r.method == "PUT" and r.path.endswith("/_mapping")]
    property_types = {
        definition["type"]
        for request in mappings
        for definition in json.loads(request.body)["properties"].values()
    }

    assert mappings
    assert [problems(r.method, r.path, r.query, r.body) for r in mappings] == [[]] * len(mappings)
    assert {"text", "keyword"} <= property_types <= set(TAGGED["Property"]["variants"])


def test_every_request_of_a_rebuild_passes_the_checks(backend_requests):
    assert backend_requests
    assert [(r.method, r.path, r.problems) for r in backend_requests if r.problems] == []


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
