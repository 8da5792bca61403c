"""Write endpoints.json: the small extract of the Elasticsearch 9 specification the checks read."""

import argparse
import json
import re
import subprocess
from pathlib import Path

# Reads the TypeScript sources of elastic/elasticsearch-specification through `git show` (its
# generated schema.json is too large to keep) for the APIs the portal's backend calls, and the
# classes their bodies are checked against, with the annotations that change what a body may
# hold: `@aliases` (other accepted names), `@variants container` (exactly one clause),
# `@variants internal tag='type'` (a union whose `type` field names the member, as mapping
# properties and analysis components are), `@shortcut_property` (a bare value stands for one
# property) and `AdditionalProperty` (a field name as key). Enums are kept as the strings they
# allow: a member's wire value (`inches = 'in'` is sent as "in") and its `@aliases`.
#
# Deep: the query DSL and the kNN query, alias actions, bulk operations, index aliases, scripts,
# source filters, mappings (TypeMapping and every Property kind) and index settings with their
# analysis (analyzers, tokenizers, token filters, char filters, normalizers), and the enums these
# name. Everything else a body names (aggregations, sort, highlight, suggest, rescore, retriever,
# inner hits, collapse...) is listed under "unchecked" and taken as it comes: those types are
# hundreds of classes, too costly to keep for what the portal sends.
#
# python -m tests.search.elasticsearch_spec.extract [--spec-repo PATH] [--ref 9.5]

OUTPUT = Path(__file__).with_name("endpoints.json")
DEFAULT_REPO = "/work/.mirror/elastic+elasticsearch-specification/repo"
REPOSITORY = "elastic/elasticsearch-specification"
ENDPOINTS = {
    "info": "_global/info/RootNodeInfoRequest.ts",
    # elasticsearch-py's ping() (HEAD /): the client's health check.
    "ping": "_global/ping/PingRequest.ts",
    "bulk": "_global/bulk/BulkRequest.ts",
    "index": "_global/index/IndexRequest.ts",
    "delete": "_global/delete/DeleteRequest.ts",
    "search": "_global/search/SearchRequest.ts",
    "count": "_global/count/CountRequest.ts",
    "indices.create": "indices/create/IndicesCreateRequest.ts",
    "indices.delete": "indices/delete/IndicesDeleteRequest.ts",
    "indices.exists": "indices/exists/IndicesExistsRequest.ts",
    "indices.exists_alias": "indices/exists_alias/IndicesExistsAliasRequest.ts",
    "indices.get_alias": "indices/get_alias/IndicesGetAliasRequest.ts",
    "indices.put_alias": "indices/put_alias/IndicesPutAliasRequest.ts",
    "indices.update_aliases": "indices/update_aliases/IndicesUpdateAliasesRequest.ts",
    "indices.put_mapping": "indices/put_mapping/IndicesPutMappingRequest.ts",
    "indices.refresh": "indices/refresh/IndicesRefreshRequest.ts",
    "indices.get": "indices/get/IndicesGetRequest.ts",
    "cluster.health": "cluster/health/ClusterHealthRequest.ts",
}
# The files whose classes and type aliases are checked deeply (a folder ends with "/").
CLASS_SOURCES = [
    "_types/query_dsl/",
    "_types/Knn.ts",
    "_types/Scripting.ts",
    "_global/bulk/types.ts",
    "_global/search/_types/SourceFilter.ts",
    "indices/_types/Alias.ts",
    "indices/update_aliases/types.ts",
    "_types/mapping/",
    "_types/analysis/",
    "indices/_types/",
]
# Enums are declared all over the shared types; only those a kept class names are kept.
ENUM_SOURCES = ["_types/", "indices/_types/"]
# Classes checked outside any endpoint's body text: bulk lines are NDJSON, not a typed body.
ROOTS = ["OperationContainer", "UpdateAction"]
COMMON_PARAMETERS = "_spec_utils/behaviors.ts"
# Names in type texts that are the language's or the specification's own, not classes to keep.
BUILT_IN = {"string", "boolean", "null", "number", "integer", "long", "short", "byte"}
BUILT_IN |= {"float", "double", "uint", "ulong", "Array", "Dictionary", "SingleKeyDictionary"}
BUILT_IN |= {"UserDefinedValue", "AdditionalProperty", "AdditionalProperties"}
# Generic wrappers check.py reads itself: `T | string` and `T | null`.
BUILT_IN |= {"Stringified", "WithNullValue"}


def git(repo, *args):
    return subprocess.run(
        ["git", "-C", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def show(repo, ref, path):
    return git(repo, "show", f"{ref}:specification/{path}")


def mask(text):
    """`text` with comments blanked and quoted strings filled with "_" (same length), so
    brackets inside them, such as "(1)" or "`<`" in the documentation, do not count, while a
    string literal (`type: 'text'`) still counts as a type."""
    pattern = r"/\*.*?\*/|//[^\n]*|'[^'\n]*'|\"[^\"\n]*\""
    return re.sub(pattern, blanked, text, flags=re.DOTALL)


def blanked(match):
    text = match.group()
    if text.startswith(("'", '"')):
        return text[0] + "_" * (len(text) - 2) + text[-1]
    return re.sub(r"[^\n]", " ", text)


def matching_close(masked, opening):
    """The position of the bracket closing the one at `opening`."""
    pairs = {"{": "}", "[": "]", "(": ")", "<": ">"}
    depth = 0
    for position in range(opening, len(masked)):
        if masked[position] == masked[opening]:
            depth += 1
        elif masked[position] == pairs[masked[opening]]:
            depth -= 1
            if depth == 0:
                return position
    raise ValueError(f"unbalanced {masked[opening]!r}")


def type_end(masked, start):
    """Where a type starting at `start` ends: a line break or `;` outside brackets.

    A type goes on over line breaks when a `|` continues it (`\n  | A\n  | B`).
    """
    depth = 0
    for position in range(start, len(masked)):
        character = masked[position]
        if character in "{[(<":
            depth += 1
        elif character in "}])>":
            depth -= 1
        elif (
            character in "\n;"
            and depth == 0
            and masked[start:position].strip()
            and not masked[position:].lstrip().startswith(("|", "&"))
        ):
            return position
    return len(masked)


def one_line(type_text):
    """A type's text without comments, on one line."""
    return " ".join(re.sub(r"/\*.*?\*/|//[^\n]*", " ", type_text, flags=re.DOTALL).split())


def tags(comment):
    """{tag: value} of the `@tag value` lines of a doc comment."""
    return {
        match.group(1): match.group(2).strip()
        for match in re.finditer(r"@(\w+)[ \t]*([^\n*]*)", comment or "")
    }


def members(block):
    """[(name, raw type text, doc comment)] of the declarations at the top of a `{ }` block."""
    masked, found, comment, position = mask(block), [], "", 0
    # A name, a quoted name (`'indexing.slowlog'`) or an index signature (`[key: string]`).
    declaration = re.compile(r"(\[\s*\w+\s*:\s*\w+\s*\]|\w+|'\w[^']*')\??\s*:\s*")
    while position < len(block):
        if block.startswith("/*", position):
            end = block.index("*/", position) + 2
            comment, position = block[position:end], end
        elif masked[position].isspace() or masked[position] in ",;":
            position += 1  # Blanks, separators and line comments.
        elif match := declaration.match(masked, position):
            end = type_end(masked, match.end())
            name = block[match.start(1) : match.end(1)].strip("'")
            found.append((name, block[match.end() : end], comment))
            comment, position = "", end
        else:  # Anything else (a method, a stray token) is skipped to the end of its line.
            position = len(block) if "\n" not in block[position:] else block.index("\n", position)
    return found


def inner_block(type_text):
    """The text inside the first `{ }` of a type."""
    start = type_text.index("{")
    return type_text[start + 1 : matching_close(mask(type_text), start)]


def class_entry(header, block, comment):
    """One class's entry: only the fields that differ from a plain closed class, to stay small."""
    header_tags = tags(comment)
    entry = {"properties": {}}
    extends = re.search(r"\bextends\s+(\w+)", header)
    additional = re.search(r"\bimplements\s+AdditionalPropert(?:y|ies)\s*<\s*\w+\s*,(.+)>", header)
    if extends:
        entry["extends"] = extends.group(1)
    if additional:
        entry["additional"] = one_line(additional.group(1))
    if header_tags.get("variants") == "container":
        entry["container"] = []  # Its properties marked `@variant container_property`.
    if "shortcut_property" in header_tags:
        entry["shortcut"] = header_tags["shortcut_property"]
    for name, kind, doc in members(block):
        if name.startswith("["):  # An index signature: any key, values of this type.
            entry["additional"] = one_line(kind)
            continue
        entry["properties"][name] = one_line(kind)
        doc_tags = tags(doc)
        for alias in doc_tags.get("aliases", "").replace(",", " ").split():
            entry.setdefault("aliases", {})[alias] = name
        if "container" in entry and doc_tags.get("variant") == "container_property":
            entry["container"].append(name)
    return entry


def definitions(source):
    """The classes, type aliases, enums and tagged unions declared in one TypeScript file.

    {"classes": {name: entry}, "types": {name: type text}, "enums": {name: [values]},
    "tagged": {name: {"tag": field, "default": value or absent}}}.
    """
    masked = mask(source)
    found = {"classes": {}, "types": {}, "enums": {}, "tagged": {}}
    pattern = r"^export\s+(class|interface|type|enum)\s+(\w+)"
    for match in re.finditer(pattern, masked, re.MULTILINE):
        kind, name = match.groups()
        comment = doc_comment_before(source, match.start())
        if kind == "type":
            equals = masked.index("=", match.end())
            found["types"][name] = one_line(source[equals + 1 : type_end(masked, equals + 1)])
            if tagged := internal_tag(comment):
                found["tagged"][name] = tagged
            continue
        opening = match.end()
        while masked[opening] != "{":  # Past generics, `extends` and `implements`.
            opening = matching_close(masked, opening) + 1 if masked[opening] == "<" else opening + 1
        block = source[opening + 1 : matching_close(masked, opening)]
        if kind == "enum":
            # A non-exhaustive enum (ScriptLanguage: plugins add languages) takes any value.
            if "non_exhaustive" not in tags(comment):
                found["enums"][name] = enum_values(block)
            continue
        header = source[match.end() : opening]
        found["classes"][name] = class_entry(header, block, comment)
    return found


def internal_tag(comment):
    """{"tag": field, "default": value} of `@variants internal tag='type' default='custom'`."""
    variants = tags(comment).get("variants", "")
    if not variants.startswith("internal"):
        return None
    settings = dict(re.findall(r"(\w+)='([^']*)'", variants))
    return {key: settings[key] for key in ("tag", "default") if key in settings}


def enum_values(block):
    """The strings an enum's block allows: each member's wire value and its `@aliases`.

    `inches = 'in'` is sent as "in"; `'feet' = 'ft'` as "ft"; `and` as "and".
    """
    values, comment, position = [], "", 0
    member = re.compile(r"('[^']*'|\w+)\s*(?:=\s*('[^']*'|[\w.-]+))?")
    while position < len(block):
        if block.startswith("/*", position):
            end = block.index("*/", position) + 2
            comment, position = block[position:end], end
        elif block.startswith("//", position):
            end = block.find("\n", position)
            position = len(block) if end == -1 else end
        elif block[position].isspace() or block[position] == ",":
            position += 1
        elif match := member.match(block, position):
            values.append((match.group(2) or match.group(1)).strip("'"))
            values += tags(comment).get("aliases", "").replace(",", " ").split()
            comment, position = "", match.end()
        else:
            position += 1
    return values


def doc_comment_before(source, position):
    """The `/** */` comment just before `position`, line comments between them allowed."""
    before = re.search(r"(/\*\*(?:(?!\*/).)*\*/)(?:\s*//[^\n]*)*\s*$", source[:position], re.DOTALL)
    return before.group(1) if before else ""


def endpoint(source):
    """URL templates, query parameter names and body of one `Request` interface."""
    request = re.search(r"^export\s+interface\s+Request\b[^{]*\{", source, flags=re.MULTILINE)
    parts = {name: kind for name, kind, _ in members(inner_block(source[request.end() - 1 :]))}
    templates = re.findall(r"path:\s*'([^']+)'[\s,]*methods:\s*\[([^\]]*)\]", parts["urls"])
    urls = [[path, sorted(re.findall(r"'(\w+)'", methods))] for path, methods in templates]
    query = []
    if "query_parameters" in parts:
        query = sorted(name for name, _, _ in members(inner_block(parts["query_parameters"])))
    body = parts.get("body", "").strip()
    if not body:
        body = None
    elif body.startswith("{"):
        body = class_entry("", inner_block(body), "")
    elif body.startswith("Array<"):
        body = "ndjson"  # Bulk: lines of operations and documents.
    else:
        body = {"type": one_line(body)}  # The whole body is one type: a document, say.
    return {"body": body, "query": query, "urls": urls}


def names_in(type_text):
    """The type names in a type's text; string literals (`'BM25'`) name none."""
    unquoted = re.sub(r"'[^']*'", "", type_text or "")
    return set(re.findall(r"\b[A-Z]\w*", unquoted)) - BUILT_IN


def referenced(entry):
    """The type names an endpoint body or class entry refers to."""
    found = names_in(entry.get("additional")) | names_in(entry.get("extends"))
    for kind in entry.get("properties", {}).values():
        found |= names_in(kind)
    return found


def keep_reachable(roots, found):
    """What of `found` (definitions' tables, merged) is reachable from `roots`, and the names
    reached but not extracted."""
    kept = {table: {} for table in found}
    unchecked = set()
    pending = sorted(roots)
    while pending:
        name = pending.pop()
        if name in unchecked or any(name in kept[table] for table in kept):
            continue
        if name in found["classes"]:
            kept["classes"][name] = found["classes"][name]
            pending.extend(sorted(referenced(found["classes"][name])))
        elif name in found["types"]:
            kept["types"][name] = found["types"][name]
            pending.extend(sorted(names_in(found["types"][name])))
        elif name in found["enums"]:
            kept["enums"][name] = found["enums"][name]
        else:
            unchecked.add(name)
    kept["tagged"] = {
        name: {**tagging, "variants": tag_values(name, tagging["tag"], found)}
        for name, tagging in found["tagged"].items()
        if name in kept["types"]
    }
    return kept, unchecked


def tag_values(name, tag, found):
    """{tag value: member class} of a tagged union: {"text": "TextProperty", ...}."""
    values = {}
    for member in names_in(found["types"][name]):
        if member in found["types"]:  # A union of unions: its members are this one's.
            values.update(tag_values(member, tag, found))
            continue
        literal = inherited_property(member, tag, found["classes"])
        if literal is None or not re.fullmatch(r"'[^']*'", literal):
            raise ValueError(f"{name}'s member {member} has no literal '{tag}'")
        values[literal.strip("'")] = member
    return values


def inherited_property(name, field, classes):
    """The type text of a class's property, looked up through its parents."""
    while name in classes:
        if field in classes[name]["properties"]:
            return classes[name]["properties"][field]
        name = classes[name].get("extends")
    return None


def spec_files(repo, ref, sources):
    listing = git(repo, "ls-tree", "-r", "--name-only", ref, "specification/").split()
    paths = [path.removeprefix("specification/") for path in listing if path.endswith(".ts")]
    return [path for path in paths if any(path.startswith(source) for source in sources)]


def all_definitions(repo, ref):
    """definitions() of the class sources, merged; enums from the wider enum sources."""
    found = {"classes": {}, "types": {}, "enums": {}, "tagged": {}}
    class_files = set(spec_files(repo, ref, CLASS_SOURCES))
    for path in sorted(class_files | set(spec_files(repo, ref, ENUM_SOURCES))):
        in_file = definitions(show(repo, ref, path))
        tables = found if path in class_files else {"enums": found["enums"]}
        for table, entries in tables.items():
            entries.update(in_file[table])
    return found


def extract(repo, ref):
    found = all_definitions(repo, ref)
    endpoints = {name: endpoint(show(repo, ref, path)) for name, path in ENDPOINTS.items()}
    roots = set(ROOTS)
    for entry in endpoints.values():
        if isinstance(entry["body"], dict):
            roots |= referenced(entry["body"]) | names_in(entry["body"].get("type"))
    kept, unchecked = keep_reachable(roots, found)
    behaviors = show(repo, ref, COMMON_PARAMETERS)
    common = behaviors[behaviors.index("interface CommonQueryParameters") :]
    return {
        "source": {
            "repository": REPOSITORY,
            "ref": ref,
            "commit": git(repo, "rev-parse", f"{ref}^{{commit}}").strip(),
        },
        "common_query": sorted(
            name for name, _, _ in members(inner_block(common[common.index("{") :]))
        ),
        "endpoints": endpoints,
        **kept,
        # Named by a checked body but not extracted: any value is taken for these.
        "unchecked": sorted(unchecked),
    }


def render(data):
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec-repo", default=DEFAULT_REPO)
    parser.add_argument("--ref", default="9.5")
    arguments = parser.parse_args()
    OUTPUT.write_text(render(extract(arguments.spec_repo, arguments.ref)))
    print(f"Wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
