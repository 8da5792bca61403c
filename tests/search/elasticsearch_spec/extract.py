"""Write endpoints.json: the small extract of the Elasticsearch 9 specification the checks read.

Reads the TypeScript sources of elastic/elasticsearch-specification (its generated JSON is too
large to keep) through `git show`, for the APIs the portal's backend calls and the classes their
bodies are checked against: the query DSL, alias actions and bulk operations.

    python -m tests.search.elasticsearch_spec.extract --spec-repo PATH [--ref 9.5]
"""

import argparse
import json
import re
import subprocess
from pathlib import Path

OUTPUT = Path(__file__).with_name("endpoints.json")
DEFAULT_REPO = "/work/.mirror/elastic+elasticsearch-specification/repo"
ENDPOINTS = {
    "info": "_global/info/RootNodeInfoRequest.ts",
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
# Where the classes request bodies refer to live; only those reachable from ROOTS are kept.
CLASS_SOURCES = ["_types/query_dsl/", "_global/bulk/types.ts", "indices/update_aliases/types.ts"]
ROOTS = ["QueryContainer", "Action", "OperationContainer"]
COMMON_PARAMETERS = "_spec_utils/behaviors.ts"


def git(repo, *args):
    return subprocess.run(
        ["git", "-C", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def without_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    return re.sub(r"//[^\n]*", "", text)


def block_after(text, start):
    """The text inside the braces (or brackets) opening at or after `start`."""
    opening = min(i for i in (text.find("{", start), text.find("[", start)) if i >= 0)
    close = {"{": "}", "[": "]"}[text[opening]]
    depth = 0
    for position in range(opening, len(text)):
        if text[position] == text[opening]:
            depth += 1
        elif text[position] == close:
            depth -= 1
            if depth == 0:
                return text[opening + 1 : position]
    raise ValueError("unbalanced block")


def top_level_properties(block):
    """{name: type text} of the properties at the top level of a `{ ... }` block."""
    properties, depth, line_start = {}, 0, 0
    for position, character in enumerate(block + "\n"):
        if character in "{[(<":
            depth += 1
        elif character in "}])>":
            depth -= 1
        elif character == "\n" and depth == 0:
            line = block[line_start:position].strip()
            line_start = position + 1
            match = re.match(r"^(\[?\w+(?::\s*string\])?)\??\s*:\s*(.+)$", line)
            if match:
                properties[match.group(1)] = match.group(2).strip()
    # A property's type may span lines: take the raw declarations again for those.
    for match in re.finditer(r"^\s*(\w+)\??\s*:\s*", block, flags=re.MULTILINE):
        name = match.group(1)
        if name in properties or _depth_at(block, match.start()) != 0:
            continue
        rest = block[match.end() :]
        properties[name] = rest[: _type_end(rest)].strip()
    return properties


def _depth_at(text, position):
    depth = 0
    for character in text[:position]:
        if character in "{[(<":
            depth += 1
        elif character in "}])>":
            depth -= 1
    return depth


def _type_end(text):
    depth = 0
    for position, character in enumerate(text):
        if character in "{[(<":
            depth += 1
        elif character in "}])>":
            depth -= 1
        elif character == "\n" and depth == 0:
            return position
    return len(text)


def endpoint(source):
    text = without_comments(source)
    urls_block = block_after(text, text.index("urls:"))
    urls = []
    for path, methods in re.findall(r"path:\s*'([^']+)'\s*methods:\s*\[([^\]]*)\]", urls_block):
        urls.append([path, sorted(re.findall(r"'(\w+)'", methods))])
    query = []
    if "query_parameters" in text:
        query = sorted(top_level_properties(block_after(text, text.index("query_parameters"))))
    body = None
    match = re.search(r"\bbody\??\s*:\s*", text)
    if match:
        rest = text[match.end() :]
        if rest.startswith("{"):
            body = dict(sorted(top_level_properties(block_after(rest, 0)).items()))
        elif rest.startswith("Array<"):
            body = "ndjson"
        else:
            body = {"*": rest[: _type_end(rest)].strip()}  # The whole body is one type.
    return {"urls": urls, "query": query, "body": body}


def classes_in(source):
    text = without_comments(source)
    found = {}
    for match in re.finditer(
        r"export class (\w+)(?:<[^>{]*>)?(?:\s+extends\s+([\w]+))?([^{]*)\{", text
    ):
        block = block_after(text, match.end() - 1)
        properties = top_level_properties(block)
        found[match.group(1)] = {
            "extends": match.group(2),
            # Keyed by field name (`[field: string]: …`, AdditionalProperty): any key goes.
            "open": any(name.startswith("[") for name in properties)
            or "AdditionalPropert" in match.group(3),
            "properties": {
                name: kind for name, kind in properties.items() if not name.startswith("[")
            },
        }
    return found


def reachable(classes):
    keep, pending = set(), list(ROOTS)
    while pending:
        name = pending.pop()
        if name in keep or name not in classes:
            continue
        keep.add(name)
        entry = classes[name]
        pending.extend([entry["extends"]] if entry["extends"] else [])
        for kind in entry["properties"].values():
            pending.extend(re.findall(r"\b[A-Z]\w+", kind))
    return {name: classes[name] for name in sorted(keep)}


def extract(repo, ref):
    base = "specification/"
    files = git(repo, "ls-tree", "-r", "--name-only", ref, base).split()
    classes = {}
    for path in files:
        if path.endswith(".ts") and any(path.startswith(base + source) for source in CLASS_SOURCES):
            classes.update(classes_in(git(repo, "show", f"{ref}:{path}")))
    behaviors = without_comments(git(repo, "show", f"{ref}:{base}{COMMON_PARAMETERS}"))
    common = top_level_properties(
        block_after(behaviors, behaviors.index("interface CommonQueryParameters"))
    )
    return {
        "source": {
            "repository": "elastic/elasticsearch-specification",
            "ref": ref,
            "commit": git(repo, "rev-parse", ref).strip(),
        },
        "common_query": sorted(common),
        "endpoints": {
            name: endpoint(git(repo, "show", f"{ref}:{base}{path}"))
            for name, path in sorted(ENDPOINTS.items())
        },
        "classes": reachable(classes),
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
