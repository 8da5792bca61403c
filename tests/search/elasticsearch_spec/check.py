"""Is a request's shape one Elasticsearch 9 accepts? Checked against endpoints.json."""

import json
import re
from functools import cache
from pathlib import Path

# `problems(method, path, query, body)` lists what the specification does not allow: no endpoint
# for the method and path, an unknown query parameter, a body where none is taken, invalid JSON, an
# unknown body property. Bodies are checked recursively through the extracted classes and type
# aliases: the query DSL clause by clause, alias actions, bulk operation lines, mappings (each
# property by its `type`), index settings and their analysis (each analyzer, tokenizer, token
# filter, char filter and normalizer by its `type`), and enum values. A type the extract does not
# hold (its "unchecked" list: aggregations, sort, highlight...) takes any value; a scalar type
# (string, number, boolean) any single value.

SPEC = json.loads(Path(__file__).with_name("endpoints.json").read_text())
CLASSES = SPEC["classes"]
TYPES = SPEC["types"]
ENUMS = SPEC["enums"]
# Unions whose `type` field names the member: Property, Analyzer, TokenFilterDefinition...
TAGGED = SPEC["tagged"]
# What a tagged union's unknown `type` is called in messages.
TAGGED_KINDS = {
    "Property": "mapping property type",
    "Analyzer": "analyzer type",
    "TokenizerDefinition": "tokenizer type",
    "TokenFilterDefinition": "token filter type",
    "CharFilterDefinition": "char filter type",
    "Normalizer": "normalizer type",
    "SettingsSimilarity": "similarity type",
}
# Classes read as Elasticsearch reads settings: `"index.number_of_shards": 1` is
# `{"index": {"number_of_shards": 1}}`. A setting IndexSettings does not name is taken, as the
# specification says (AdditionalProperties), though Elasticsearch refuses an unknown index
# setting: the specification's list of settings is far from complete, so refusing the others
# would report settings Elasticsearch takes. The settings it names are checked deeply.
SETTINGS_CLASSES = {"IndexSettings"}
# What a container's unknown key is called in messages.
CLAUSE_KINDS = {"QueryContainer": "query clause", "OperationContainer": "bulk operation"}
DOCUMENT_OPERATIONS = {"index", "create", "update"}
ANY = ("any",)
# Where Elasticsearch takes more than the specification's classes say, as the specification's own
# examples show: BulkRequestExample2 sends `_source` on an update line (BulkRequestParser reads it).
BEYOND_SPEC = {
    "UpdateOperation": {"_source": "SourceConfig"},
    # modelsearch's settings define an `edgengram_tokenizer` (edge_ngram) with `"side": "front"`,
    # an option only the edge_ngram token filter has. Elasticsearch 9 does not refuse it: it
    # validates no analysis component's options and ignores those it does not read
    # (elastic/elasticsearch#41299, open). No analyzer uses that tokenizer; the option has no
    # effect. Taken here so that the backend's index creation is not reported; any other unknown
    # tokenizer option still is.
    "EdgeNGramTokenizer": {"side": "EdgeNGramSide"},
}
# The specification's scalar types: never an object or a list.
SCALARS = {"string", "boolean", "integer", "long", "short", "byte", "uint", "ulong", "float"}
SCALARS |= {"double", "number"}


def problems(method: str, path: str, query: dict, body: bytes | None) -> list[str]:
    """Empty when Elasticsearch 9 accepts a request of this shape; else one message per problem."""
    where = f"{method} {path}"
    endpoint, complaint = endpoint_for(method, path)
    if endpoint is None:
        return [f"{where}: {complaint}"]
    found = [
        f"{where}: unknown query parameter '{name}'"
        for name in sorted(query)
        if name not in endpoint["query"] and name not in SPEC["common_query"]
    ]
    if body:
        found += [f"{where}: {problem}" for problem in body_problems(endpoint["body"], body)]
    return found


def body_problems(expected, body):
    if expected is None:
        return ["this endpoint takes no body"]
    if expected == "ndjson":
        return bulk_problems(body)
    try:
        document = json.loads(body)
    except ValueError:
        return ["body is not valid JSON"]
    if "type" in expected:  # The whole body is one type: a document (TDocument), say.
        return value_problems("body", document, parse(expected["type"]))
    return object_problems("body", document, expected)


# Routes


@cache
def routes():
    """(specificity, method, compiled template, endpoint name) of every URL of every endpoint."""
    found = []
    for name, endpoint in SPEC["endpoints"].items():
        for template, methods in endpoint["urls"]:
            # A placeholder is one segment not starting with "_" (a comma list of names is one).
            pattern = re.sub(r"\{\w+\}", "[^/_][^/]*", template)
            # Literal segments win over placeholders: (0, 1, ...) sorts before (1, 1, ...).
            specificity = tuple(int(part.startswith("{")) for part in template.split("/"))
            for method in methods:
                found.append((specificity, method, re.compile(f"^{pattern}$"), name))
    return sorted(found, key=lambda route: route[0])


def endpoint_for(method, path):
    """(endpoint, None) for the method and path, or (None, why not)."""
    path = path.rstrip("/") or "/"
    matching = [route for route in routes() if route[2].match(path)]
    for _specificity, route_method, _pattern, name in matching:
        if route_method == method:
            return SPEC["endpoints"][name], None
    if matching:
        allowed = ", ".join(sorted({route[1] for route in matching}))
        return None, f"no Elasticsearch 9 endpoint takes {method} on this path (only {allowed})"
    return None, "no Elasticsearch 9 endpoint has this path"


# Types: the spec's type texts, parsed once into ("union", [...]), ("array", item),
# ("generic", name, [arguments]), ("name", name) or ANY (literals, inline objects).


@cache
def parse(text):
    tokens = re.findall(r"\w+|\[\]|'[^']*'|\"[^\"]*\"|\S", text)
    node, rest = parse_union(tokens)
    return node if not rest else ANY  # Syntax beyond this small grammar: take any value.


def parse_union(tokens):
    alternatives = []
    while True:
        if tokens and tokens[0] == "|":  # Unions may open with "|".
            tokens = tokens[1:]
        node, tokens = parse_postfix(tokens)
        alternatives.append(node)
        if not tokens or tokens[0] != "|":
            break
    return (alternatives[0] if len(alternatives) == 1 else ("union", alternatives)), tokens


def parse_postfix(tokens):
    node, tokens = parse_primary(tokens)
    while tokens and tokens[0] == "[]":
        node, tokens = ("array", node), tokens[1:]
    return node, tokens


def parse_primary(tokens):
    if not tokens:
        return ANY, tokens
    first, tokens = tokens[0], tokens[1:]
    if first == "(":
        node, tokens = parse_union(tokens)
        return node, tokens[1:]
    if not re.match(r"\w", first):
        return ANY, tokens  # A string literal, or syntax this grammar does not read.
    if not tokens or tokens[0] != "<":
        return ("name", first), tokens
    arguments, tokens = [], tokens[1:]
    while True:
        argument, tokens = parse_union(tokens)
        arguments.append(argument)
        separator, tokens = (tokens[0], tokens[1:]) if tokens else (">", [])
        if separator != ",":
            break
    if first == "Array":
        return ("array", arguments[0]), tokens
    return ("generic", first, arguments), tokens


# Values


def value_problems(at, value, node):
    """The problems of `value` read as the parsed type `node`."""
    kind = node[0]
    if kind == "union":
        return union_problems(at, value, node[1])
    if kind == "array":
        if not isinstance(value, list):  # Elasticsearch reads a single value as a list of one.
            return value_problems(at, value, node[1])
        return [
            p for i, item in enumerate(value) for p in value_problems(f"{at}[{i}]", item, node[1])
        ]
    if kind == "generic" and node[1] in ("Dictionary", "SingleKeyDictionary") and len(node[2]) == 2:
        return dictionary_problems(at, value, node[1] == "SingleKeyDictionary", node[2][1])
    if kind == "generic" and node[1] == "Stringified":  # `T | string`: "12" for 12.
        return [] if isinstance(value, str) else value_problems(at, value, node[2][0])
    if kind == "generic" and node[1] == "WithNullValue":  # `T | null`: null resets a setting.
        return [] if value is None else value_problems(at, value, node[2][0])
    name = node[1] if kind in ("name", "generic") else None
    if name in TAGGED:
        return tagged_problems(at, value, name)
    if name in CLASSES:
        return class_problems(at, value, name)
    if name in TYPES:
        return value_problems(at, value, parse(TYPES[name]))
    if name in ENUMS:
        return enum_problems(at, value, name)
    if name in SCALARS and isinstance(value, dict | list):
        return [f"{at} should be a single value ({name})"]
    return []  # A scalar value or a type the extract does not hold: any value.


def enum_problems(at, value, name):
    """A value outside the enum: Elasticsearch refuses it (`"operator": "all"`)."""
    if value is None:
        return []
    # `true | false | 'strict'`-style enums take JSON booleans as well as their strings.
    text = {True: "true", False: "false"}.get(value, value) if isinstance(value, bool) else value
    if isinstance(text, str | int | float) and str(text) in ENUMS[name]:
        return []
    allowed = ", ".join(ENUMS[name][:12]) + (", ..." if len(ENUMS[name]) > 12 else "")
    return [f"{at} is {json.dumps(value)}, not one of {name}'s values ({allowed})"]


def tagged_problems(at, value, name):
    """A union member chosen by its `type` field (or the union's default when there is none):
    a mapping property, an analyzer, a token filter..."""
    union = TAGGED[name]
    if not isinstance(value, dict):
        return [f"{at} should be an object ({name})"]
    tag = value.get(union["tag"], union.get("default"))
    if tag is None:
        return [f"{at} has no '{union['tag']}': it should name a {TAGGED_KINDS.get(name, name)}"]
    member = union["variants"].get(tag) if isinstance(tag, str) else None
    if member is None:
        return [f"{at} has unknown {TAGGED_KINDS.get(name, name)} {json.dumps(tag)}"]
    return class_problems(at, value, member)


def union_problems(at, value, alternatives):
    """No problem when one alternative takes the value; else those of the likeliest one, the
    one of the value's shape (`QueryContainer[]` for a list), with the fewest problems."""
    found = [(not fits(value, node), value_problems(at, value, node)) for node in alternatives]
    return min(found, key=lambda pair: (pair[0], len(pair[1])))[1]


def fits(value, node):
    """Whether the value has the shape of the type: a list, an object or a scalar."""
    if node[0] == "array":
        return isinstance(value, list)
    if node[0] == "generic" and node[1] in ("Dictionary", "SingleKeyDictionary"):
        return isinstance(value, dict)
    if node[0] == "name" and node[1] in TAGGED:
        return isinstance(value, dict)
    if node[0] == "name" and node[1] in CLASSES:
        return isinstance(value, dict) or bool(resolved(node[1])["shortcut"])
    if node[0] == "name" and (node[1] in SCALARS or node[1] in ENUMS):
        return not isinstance(value, dict | list)
    return True


def dictionary_problems(at, value, single_key, value_type):
    if not isinstance(value, dict):
        return [f"{at} should be an object"]
    if single_key and len(value) != 1:
        return [f"{at} should have exactly one key (a field name), not {len(value)}"]
    return [
        p for key, item in value.items() for p in value_problems(f"{at}.{key}", item, value_type)
    ]


@cache
def resolved(name):
    """A class with its parents' properties, aliases and additional property folded in."""
    entry = CLASSES[name]
    parent = resolved(entry["extends"]) if entry.get("extends") in CLASSES else {}
    return {
        "properties": {
            **parent.get("properties", {}),
            **entry["properties"],
            **BEYOND_SPEC.get(name, {}),
        },
        "aliases": {**parent.get("aliases", {}), **entry.get("aliases", {})},
        "additional": entry.get("additional", parent.get("additional")),
        "shortcut": entry.get("shortcut", parent.get("shortcut")),
        # Only the class's own properties are variants; inherited ones (boost, _name) go along.
        "variants": None
        if "container" not in entry
        else sorted(set(entry["properties"]) - set(entry["container"])),
    }


def class_problems(at, value, name):
    entry = resolved(name)
    if name in SETTINGS_CLASSES and isinstance(value, dict):
        value = without_index_level(nested_settings(value))
    if not isinstance(value, dict):
        if entry["shortcut"]:  # `"match": {"title": "facture"}` stands for {"query": ...}.
            return value_problems(at, value, parse(entry["properties"][entry["shortcut"]]))
        return [f"{at} should be an object ({name})"]
    found = object_problems(at, value, entry, CLAUSE_KINDS.get(name, "property"))
    if entry["variants"] is not None:
        found += variant_problems(at, value, entry["variants"], name)
    return found


def nested_settings(settings):
    """Settings with their dotted keys nested, as Elasticsearch reads them: it flattens every
    setting to a dotted key, so `{"index.analysis.filter.f.type": "stop"}`, `{"index":
    {"analysis": {"filter": {"f": {"type": "stop"}}}}}` and any mix of the two are one setting."""
    nested = {}
    for key, value in settings.items():
        *parents, last = key.split(".")
        level = nested
        for parent in parents:
            if not isinstance(level.get(parent), dict):
                level[parent] = {}
            level = level[parent]
        value = nested_settings(value) if isinstance(value, dict) else value
        if isinstance(value, dict) and isinstance(level.get(last), dict):
            level[last] = merged(level[last], value)
        else:
            level[last] = value
    return nested


def without_index_level(settings):
    """Settings with what `index` holds moved up a level: Elasticsearch prefixes `index.` to
    every index setting without it, so `analysis` and `index.analysis` are one object."""
    if not isinstance(settings.get("index"), dict):
        return settings
    others = {key: value for key, value in settings.items() if key != "index"}
    return merged(others, settings["index"])


def merged(first, second):
    """Two nested settings objects as one (the second's value wins for the same setting)."""
    both = dict(first)
    for key, value in second.items():
        if isinstance(value, dict) and isinstance(both.get(key), dict):
            both[key] = merged(both[key], value)
        else:
            both[key] = value
    return both


def variant_problems(at, value, variants, name):
    """A container holds exactly one variant (a query clause, a bulk operation...)."""
    given = [key for key in value if key in variants]
    if len(given) > 1:
        return [f"{at} should hold one {CLAUSE_KINDS.get(name, 'variant')}, not {given}"]
    if not value:
        return [f"{at} is empty: it should hold one {CLAUSE_KINDS.get(name, 'variant')}"]
    return []


def object_problems(at, value, entry, unknown="property"):
    """Each key of `value` known to the class `entry` (or taken as its additional property)."""
    if not isinstance(value, dict):
        return [f"{at} should be an object"]
    found = []
    for key, item in value.items():
        name = entry.get("aliases", {}).get(key, key)
        if name in entry["properties"]:
            found += value_problems(f"{at}.{key}", item, parse(entry["properties"][name]))
        elif entry.get("additional"):  # A field name as key (`terms`, `geo_distance`...).
            found += value_problems(f"{at}.{key}", item, parse(entry["additional"]))
        else:
            found.append(f"{at} has unknown {unknown} '{key}'")
    return found


# Bulk


def bulk_problems(body):
    """Each action line an operation; the line after index, create and update its document."""
    try:
        lines = body.decode().splitlines()
    except UnicodeDecodeError:
        return ["body is not UTF-8"]
    found, document_for = [], None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            found.append(f"line {number} is not valid JSON")
            continue
        if document_for == "update":  # doc, upsert, script...: UpdateAction's properties.
            found += class_problems(f"line {number}", value, "UpdateAction")
        if document_for:  # index and create: a document, whatever the mapping makes of it.
            document_for = None
            continue
        found += class_problems(f"line {number}", value, "OperationContainer")
        operation = next(iter(value), None) if isinstance(value, dict) else None
        document_for = operation if operation in DOCUMENT_OPERATIONS else None
    if document_for:
        found.append(f"the last {document_for} operation has no document line")
    return found
