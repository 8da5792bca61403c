"""Elasticsearch 9 with one index per language, each analysed with its own language's rules.

modelsearch puts every page in one index analysed one way. Here each model gets an index per
language (`portal_wagtailcore_page_fr`, `…_nl`, `…_en`): an object is stored in its language's
index, whose default analyzer stems, folds accents and drops stop words for that language, and a
search reads the index of the language being searched. The search analyzer also expands glossary
wordings as synonyms ('DA' ↔ 'convention de droits d'auteur'); changing the glossary takes effect
at the next `manage.py update_index`.
"""

import copy

from django.conf import settings
from django.utils import translation
from modelsearch.backends.base import get_model_root
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)

from glossary.synonyms import synonym_rules

from .postgres import language_of

LANGUAGES = [code for code, _name in settings.LANGUAGES]
STEMMERS = {"fr": "light_french", "nl": "dutch", "en": "english"}
STOPWORDS = {"fr": "_french_", "nl": "_dutch_", "en": "_english_"}
FRENCH_ELISIONS = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]


def analysis_for(language, synonyms):
    """Index analysis settings for one language's index."""
    before = ["portal_elision"] if language == "fr" else []
    filters = {
        "portal_stop": {"type": "stop", "stopwords": STOPWORDS[language]},
        "portal_stemmer": {"type": "stemmer", "language": STEMMERS[language]},
        "portal_synonyms": {"type": "synonym_graph", "synonyms": synonyms, "lenient": True},
    }
    if language == "fr":
        filters["portal_elision"] = {
            "type": "elision",
            "articles_case": True,
            "articles": FRENCH_ELISIONS,
        }
    return {
        "filter": filters,
        "analyzer": {
            # Used for every text field that names no analyzer of its own.
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [*before, "lowercase", "asciifolding", "portal_stop", "portal_stemmer"],
            },
            "default_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    *before,
                    "lowercase",
                    "asciifolding",
                    "portal_synonyms",
                    "portal_stop",
                    "portal_stemmer",
                ],
            },
        },
    }


# Elasticsearch's index.max_result_window: the most results one request may reach.
MAX_RESULT_WINDOW = 10_000


class OneRequestResults(Elasticsearch9SearchResults):
    """Results in one search request (`from` and `size`), never the scroll API.

    modelsearch scrolls through anything over 100 results, 100 at a time; the search page asks
    for the best 200 of each kind, which cost 11 to 32 requests per page that way.
    """

    def _do_search(self):
        stop = MAX_RESULT_WINDOW if self.stop is None else min(self.stop, MAX_RESULT_WINDOW)
        if stop <= self.start:
            return
        answer = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            _source=False,
            from_=self.start,
            size=stop - self.start,
            **{self.fields_param_name: "pk"},
        )
        yield from self._get_results_from_hits(answer["hits"]["hits"])


class LanguageIndex(Elasticsearch9Index):
    def __init__(self, backend, name, language):
        super().__init__(backend, name)
        self.language = language

    def put(self):
        self.es.indices.create(index=self.name, **self.backend.settings_for_language(self.language))


class MultilingualIndex:
    """The indexes of one model, one per language, seen by modelsearch as a single index."""

    def __init__(self, backend, base_name):
        self.backend = backend
        self.base_name = base_name
        self.indexes = {
            language: LanguageIndex(backend, f"{base_name}_{language}", language)
            for language in LANGUAGES
        }

    @property
    def name(self):
        # Searches read the index of the language being searched.
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return self.indexes.get(language, self.indexes[settings.LANGUAGE_CODE]).name

    def index_for(self, obj):
        return self.indexes.get(language_of(obj), self.indexes[settings.LANGUAGE_CODE])

    def put(self):
        for index in self.indexes.values():
            index.put()

    def delete(self):
        for index in self.indexes.values():
            index.delete()

    def reset(self):
        for index in self.indexes.values():
            index.reset()

    def refresh(self):
        for index in self.indexes.values():
            index.refresh()

    def exists(self):
        return all(index.exists() for index in self.indexes.values())

    def is_alias(self):
        return False

    def add_model(self, model):
        for index in self.indexes.values():
            index.add_model(model)

    def add_item(self, item):
        self.index_for(item).add_item(item)

    def add_items(self, model, items):
        items_by_index = {}
        for item in items:
            items_by_index.setdefault(self.index_for(item).name, (self.index_for(item), []))
            items_by_index[self.index_for(item).name][1].append(item)
        for index, batch in items_by_index.values():
            index.add_items(model, batch)

    def delete_item(self, item):
        self.index_for(item).delete_item(item)

    def get_key(self):
        return self.base_name

    def __str__(self):
        return self.base_name


class MultilingualElasticsearchBackend(Elasticsearch9SearchBackend):
    results_class = OneRequestResults

    def __init__(self, params):
        # Rebuilding swaps whole indexes through aliases, one per model; with three indexes per
        # model a plain rebuild (reset, then fill) keeps the bookkeeping simple.
        params = {**params, "ATOMIC_REBUILD": False}
        super().__init__(params)

    def get_index_for_model(self, model):
        root_model = get_model_root(model)
        base_name = (
            f"{self.index_prefix}{root_model._meta.app_label.lower()}_{root_model.__name__.lower()}"
        )
        return MultilingualIndex(self, base_name)

    def settings_for_language(self, language):
        language_settings = copy.deepcopy(self.settings)
        analysis = language_settings["settings"].setdefault("analysis", {})
        for section, entries in analysis_for(language, synonym_rules(language)).items():
            analysis.setdefault(section, {}).update(entries)
        return language_settings


SearchBackend = MultilingualElasticsearchBackend
