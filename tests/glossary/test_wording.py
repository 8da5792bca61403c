"""The demo content keeps to the terminology list of its language (glossary/wording.toml)."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = ("fr", "nl", "en")
CONTENT = Path(settings.BASE_DIR) / "demo" / "content"
TERMINOLOGY = Path(settings.BASE_DIR) / "glossary" / "wording.toml"


def terminology():
    with TERMINOLOGY.open("rb") as file:
        return tomllib.load(file)


def texts_by_language(value, language=None, where=""):
    """(language, where, text) for every string written in a language, glossary variants aside:
    those list the forms members may type, which the glossary links to the right entry."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "variants":
                continue
            yield from texts_by_language(
                item, key if key in LANGUAGES else language, f"{where}.{key}"
            )
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from texts_by_language(item, language, f"{where}[{position}]")
    elif isinstance(value, str) and language:
        yield language, where, value


def avoided_pattern(entry):
    forms = "|".join(re.escape(form) for form in entry["avoid"])
    flags = 0 if entry.get("match_case") else re.IGNORECASE
    return re.compile(rf"(?<![\w'’-])(?:{forms})(?![\w-])", flags)


def demo_texts():
    for path in sorted(CONTENT.glob("*.toml")):
        with path.open("rb") as file:
            for language, where, text in texts_by_language(tomllib.load(file)):
                yield path.name, language, where, text


def test_the_list_names_a_use_and_forms_to_avoid_in_every_language():
    listed = terminology()
    assert set(listed) == set(LANGUAGES)
    for entries in listed.values():
        for entry in entries:
            assert entry["use"] and entry["avoid"]


def test_the_list_reads_every_demo_content_file_in_all_three_languages():
    languages = {language for _file, language, _where, _text in demo_texts()}
    files = {file for file, _language, _where, _text in demo_texts()}
    assert languages == set(LANGUAGES)
    # level_switch.toml holds only keys that chain guides together, no text.
    assert files == {path.name for path in CONTENT.glob("*.toml")} - {"level_switch.toml"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_content_uses_the_terminology_of_its_language(language):
    entries = [(entry, avoided_pattern(entry)) for entry in terminology()[language]]
    found = [
        f"{file}{where}: '{match.group(0)}' (use {entry['use']})"
        for file, text_language, where, text in demo_texts()
        if text_language == language
        for entry, pattern in entries
        for match in pattern.finditer(text)
    ]
    assert not found, "\n".join(found)


def test_an_avoided_form_is_found_where_a_text_uses_it():
    # The check itself: a Dutch text addressing the reader as 'je' and a misspelt budget.
    entries = terminology()["nl"]
    text = "Als je wilt, volg je activiteitsbudget op in de ledenruimte."
    hits = {match.group(0) for entry in entries for match in avoided_pattern(entry).finditer(text)}
    assert hits == {"je", "activiteitsbudget"}
    # A path's name in lower case is caught only where case matters.
    english = [entry for entry in terminology()["en"] if entry.get("match_case")][0]
    assert avoided_pattern(english).search("the Smart facile path")
    assert not avoided_pattern(english).search("the Smart Facile path")
