"""Elasticsearch 9 with one index per language, each analysed with its own language's rules.

modelsearch puts every page in one index analysed one way. Here each translatable model gets an
index per language (`portal_wagtailcore_page_fr`, `…_nl`, `…_en`, aliases over versioned indexes:
see elasticsearch_indexes): an object is stored in its language's index, whose analyzer stems,
folds accents and drops stop words for that language.

Glossary wordings are not Elasticsearch synonyms: the query already carries them
(search.query.search_query_for), as it does on PostgreSQL, so a query means the same on both
backends, a wording is expanded once, and a glossary edit counts at the next search, not the
next rebuild.

Saves never wait on Elasticsearch: `add` and `delete` queue the write (search.search_writes),
which is sent after the transaction commits, outside the request.
"""

import copy

from modelsearch.backends.base import get_model_root
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)
from wagtail.models import TranslatableMixin

from .. import search_writes
from ..circuit_breaker import PartialResults
from .elasticsearch_indexes import AliasSwitchingRebuilder, ModelIndexes, rebuilds_under_way

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


FOLDING = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}


def analysis_for(language):
    """Index analysis settings for one language's index (None: an index of no language)."""
    if language is None:
        return {"analyzer": {"default": FOLDING, "portal_folding": FOLDING}}
    before = ["portal_elision"] if language == "fr" else []
    filters = {
        "portal_stop": {"type": "stop", "stopwords": STOPWORDS[language]},
        "portal_stemmer": {"type": "stemmer", "language": STEMMERS[language]},
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
            "portal_folding": FOLDING,
            # Used for every text field that names no analyzer of its own.
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [*before, "lowercase", "asciifolding", "portal_stop", "portal_stemmer"],
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
            # Some shards failing must be an error (the database answers), not fewer results.
            allow_partial_search_results=False,
            **{self.fields_param_name: "pk"},
        )
        if answer.get("timed_out") or answer.get("_shards", {}).get("failed"):
            raise PartialResults(f"{answer.get('_shards')}, timed out: {answer.get('timed_out')}")
        yield from self._get_results_from_hits(answer["hits"]["hits"])


class FoldingMapping(Elasticsearch9Mapping):
    # Titles are indexed for suggestions with accents folded (modelsearch's edgengram_analyzer);
    # what the member types must be folded the same way, or "epargne" would not suggest
    # "Épargne" ("standard" keeps accents).
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "portal_folding",
    }


class MultilingualElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = FoldingMapping
    results_class = OneRequestResults
    rebuilder_class = AliasSwitchingRebuilder

    def __init__(self, params):
        super().__init__(params)
        # modelsearch picks its own rebuilder from ATOMIC_REBUILD; every rebuild here switches
        # aliases (elasticsearch_indexes.AliasSwitchingRebuilder).
        self.rebuilder_class = AliasSwitchingRebuilder

    def get_index_for_model(self, model):
        root_model = get_model_root(model)
        base_name = (
            f"{self.index_prefix}{root_model._meta.app_label.lower()}_{root_model.__name__.lower()}"
        )
        return ModelIndexes(self, base_name, issubclass(root_model, TranslatableMixin))

    def settings_for_language(self, language):
        language_settings = copy.deepcopy(self.settings)
        analysis = language_settings["settings"].setdefault("analysis", {})
        for section, entries in analysis_for(language).items():
            analysis.setdefault(section, {}).update(entries)
        return language_settings

    def add(self, obj):
        search_writes.queue_write(obj)

    def delete(self, obj):
        search_writes.queue_write(obj)

    def rebuilds_under_way(self):
        """The rebuilds filling new indexes now, which live writes must reach too."""
        return rebuilds_under_way()

    def write_now(self, obj, deleted, rebuilds):
        """Send one queued write to every index that must hold it (search_writes calls this).

        `rebuilds`: `rebuilds_under_way()`, read once for the batch this write is part of.
        """
        for indexes in self.get_index_for_model(type(obj)).writable(rebuilds):
            if deleted:
                indexes.delete_item(obj)
            else:
                indexes.add_item(obj)


SearchBackend = MultilingualElasticsearchBackend
