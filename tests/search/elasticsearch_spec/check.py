"""Is a request's shape one Elasticsearch 9 accepts? Checked against endpoints.json.

`problems(method, path, query, body)` lists what the specification does not allow: no endpoint
for the method and path, an unknown query parameter, a body where none is taken, an unknown
body property. Bodies are checked through the extracted classes: the query DSL clause by clause
(QueryContainer, field-keyed clauses such as `match`), alias actions and bulk operation lines.
Types the extract does not hold (mappings, settings, aggregations, sort, highlight, scripts) are
taken as they come: checking them deeply would mean re-implementing the server's parsers.
"""

import json
import re
from functools import cache
from pathlib import Path

SPEC = json.loads(Path(__file__).with_name("endpoints.json").read_text())
CLASSES = SPEC["classes"]
FIELD_KEYED = re.compile(r"SingleKeyDictionary<\s*Field\s*,\s*(\w+)")
DOCUMENT_OPERATIONS = {"index", "create", "update"}


def problems(method, path, query, body):
    """Empty when Elasticsearch 9 accepts a request of this shape; else one message per problem."""
    where = f"{method} {path}"
    endpoint = endpoint_for(method, path)
    if endpoint is None:
        return [f"{where}: no Elasticsearch 9 endpoint takes this method and path"]
    found = [
        f"{where}: unknown query parameter '{name}'"
        for name in query
        if name not in endpoint["query"] and name not in SPEC["common_query"]
    ]
    if not body:
        return found
    if endpoint["body"] is None:
        return [*found, f"{where}: this endpoint takes no body"]
    if endpoint["body"] == "ndjson":
        return found + bulk_problems(where, body)
    try:
        document = json.loads(body)
    except ValueError:
        return [*found, f"{where}: body is not valid JSON"]
    if "*" in endpoint["body"]:  # The whole body is one type: a document, a mapping…
        return found
    return found + object_problems(where, "body", document, endpoint["body"], open_=False)


@cache
def routes():
    """(name, method, compiled path) for every URL of every endpoint."""
    found = []
    for name, endpoint in SPEC["endpoints"].items():
        for template, methods in endpoint["urls"]:
            # A placeholder is one segment not starting with "_" (a comma list of names is one).
            pattern = re.sub(r"\{\w+\}", r"[^/_][^/]*", template)
            for method in methods:
                found.append((name, method, re.compile(f"^{pattern}$"), template.count("{")))
    # Literal segments win over placeholders: try the routes with fewer placeholders first.
    return sorted(found, key=lambda route: route[3])


def endpoint_for(method, path):
    path = path.rstrip("/") or "/"
    for name, route_method, pattern, _placeholders in routes():
        if route_method == method and pattern.match(path):
            return SPEC["endpoints"][name]
    return None


def properties_of(name):
    """(properties, open) of a class, its parents' included."""
    properties, open_ = {}, False
    while name in CLASSES:
        entry = CLASSES[name]
        properties = {**entry["properties"], **properties}
        open_ = open_ or entry["open"]
        name = entry["extends"]
    return properties, open_


def object_problems(where, at, value, properties, open_):
    if not isinstance(value, dict):
        return [f"{where}: {at} should be an object"]
    found = []
    for key, item in value.items():
        if key not in properties:
            if not open_:
                found.append(f"{where}: {at} has unknown property '{key}'")
            continue
        found += value_problems(where, f"{at}.{key}", item, properties[key])
    return found


def value_problems(where, at, value, kind):
    """Check `value` against a property's type text, where the extract knows the type."""
    if isinstance(value, list) and "[]" in kind:
        return [
            problem
            for position, item in enumerate(value)
            for problem in value_problems(where, f"{at}[{position}]", item, kind)
        ]
    if "QueryContainer" in kind:
        return query_problems(where, at, value)
    field_keyed = FIELD_KEYED.search(kind)
    if field_keyed:
        if not isinstance(value, dict) or len(value) != 1:
            return [f"{where}: {at} should name exactly one field"]
        ((field, inner),) = value.items()
        if isinstance(inner, dict) and field_keyed.group(1) in CLASSES:
            return object_problems(
                where, f"{at}.{field}", inner, *properties_of(field_keyed.group(1))
            )
        return []
    named = [name for name in re.findall(r"\b[A-Z]\w+", kind) if name in CLASSES]
    if named and isinstance(value, dict):
        return object_problems(where, at, value, *properties_of(named[0]))
    return []


def query_problems(where, at, value):
    if not isinstance(value, dict) or len(value) != 1:
        return [f"{where}: {at} should hold exactly one query clause"]
    ((clause, inner),) = value.items()
    clauses = CLASSES["QueryContainer"]["properties"]
    if clause not in clauses:
        return [f"{where}: {at} has unknown query clause '{clause}'"]
    return value_problems(where, f"{at}.{clause}", inner, clauses[clause])


def bulk_problems(where, body):
    found, expect_document = [], False
    for number, line in enumerate(body.decode().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            found.append(f"{where}: line {number} is not valid JSON")
            continue
        if expect_document:  # A document line: whatever the mapping makes of it.
            expect_document = False
            continue
        operations = CLASSES["OperationContainer"]["properties"]
        if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in operations:
            found.append(f"{where}: line {number} is not one of {sorted(operations)}")
            continue
        ((operation, meta),) = value.items()
        found += object_problems(
            where, f"line {number}.{operation}", meta, *properties_of(operations[operation])
        )
        expect_document = operation in DOCUMENT_OPERATIONS
    if expect_document:
        found.append(f"{where}: the last action has no document line")
    return found
