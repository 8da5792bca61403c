"""The demo's text files, the keys of what they make, and the shape each kind of object takes.

The loader (demo.loader) and its parts for offices (demo.offices) and navigation
(demo.navigation) all read the text through here, so none of them imports another's internals.
"""

import tomllib
import uuid
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SOURCE_LANGUAGE = "fr"
TARGET_LANGUAGES = ["nl", "en"]
PATH_FILES = ["path_facile.toml", "path_basic.toml", "path_expert.toml"]
HOME_SLUGS = {"fr": "accueil", "nl": "startpagina", "en": "home"}
KEY_NAMESPACE = uuid.UUID("7c1f4f6e-93a4-4c55-9a0c-6f2d8f1a5b21")


def demo_key(kind, key):
    return uuid.uuid5(KEY_NAMESPACE, f"{kind}:{key}")


def read(name):
    with open(CONTENT_DIR / name, "rb") as file:
        return tomllib.load(file)


# --- What each kind of object holds, in the shape wagtail-localize segments it -----------------
def term_values(text):
    return {
        "term": text["term"],
        "definition": text["definition"],
        "variants": "\n".join(text["variants"]),
    }


def theme_values(text):
    return {"name": text["name"]}


def question_values(text):
    return {"question": text["question"], "answer": text["answer"]}


def tag_values(text):
    return {"name": text["name"], "slug": text["slug"]}


def home_values(text, language):
    return {"title": text["title"], "slug": HOME_SLUGS[language], "lead": text["lead"]}


def mission_values(text):
    body = []
    for section in text["sections"]:
        body.append({"type": "heading", "value": section["heading"]})
        body.append({"type": "paragraph", "value": section["body"]})
    return {"title": text["title"], "slug": text["slug"], "lead": text["lead"], "body": body}


def intro_page_values(text):
    return {"title": text["title"], "slug": text["slug"], "intro": text["intro"]}


def path_values(text):
    return {**intro_page_values(text), "tagline": text["tagline"]}


def guide_values(text):
    steps = []
    for step in text["steps"]:
        value = {"title": step["title"], "body": step["body"], "tip": step.get("tip", "")}
        steps.append({"type": "step", "value": value})
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "before_you_start": [{"type": "item", "value": need} for need in text.get("needs", [])],
        "steps": steps,
    }


def news_values(text):
    return {
        "title": text["title"],
        "slug": text["slug"],
        "author": text["author"],
        "summary": text["summary"],
        "body": [{"type": "paragraph", "value": text["body"]}],
    }


def translatable_text(values):
    """Only the text of `values`: what wagtail-localize offers to translators."""
    if isinstance(values, dict):
        if "type" in values and "value" in values:
            return translatable_text(values["value"])
        return {key: translatable_text(value) for key, value in values.items() if value}
    if isinstance(values, list):
        return [translatable_text(value) for value in values]
    return values
