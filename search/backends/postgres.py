"""PostgreSQL full-text search that analyses each document and each query in its own language.

modelsearch's PostgreSQL backend uses one text search configuration for every document. Here a
French guide is indexed with French stemming, a Dutch one with Dutch stemming, and a query is
analysed in the searcher's language, so 'formations' finds 'formation' and 'facturen' finds
'factuur'. The configurations fold accents (unaccent), so 'regles' finds 'règles'. They are
created by migration search/0001.
"""

import re
from collections import defaultdict
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Value
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not, Or, PlainText
from modelsearch.utils import ADD
from wagtail.models import Locale, Page

from .word_weights import rarity_weights

# Text search configurations made by migration search/0001: the language's own stemmer,
# preceded by unaccent.
LANGUAGE_CONFIGS = {"fr": "portal_fr", "nl": "portal_nl", "en": "portal_en"}
SIMPLE_CONFIG = "portal_simple"

# A search of pages asking for its best N results ranks at most this many candidates (or N, if
# more). Ranking reads each match's whole text: ranking all 40,000 matches of a very common word
# took over a second (docs/benchmarks.md). See MultilingualSearchQueryCompiler.search.
RANKED_CANDIDATES = 500

# In a query needing only some of its words, a word's rank r counts r / (r + this): a word in a
# short title (r about 0.5) counts 0.9, once in running text (r about 0.03) 0.4, so whether a
# result holds a rare word matters more than where. Chosen on the tuning part of the members'
# judged queries (docs/search.md).
WORD_RANK_SATURATION = 0.05
# Each word weighed costs a rank per result: past this many (a pasted paragraph), the words are
# ranked together, as modelsearch does.
MAX_WEIGHED_WORDS = 24

_language_by_locale_id = {}


def language_of(obj):
    """The language code of an indexed object, from its locale; None if it has none."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locale_id not in _language_by_locale_id:
        _language_by_locale_id.update(Locale.objects.values_list("pk", "language_code"))
    return _language_by_locale_id.get(locale_id)


def config_for_language(language_code):
    return LANGUAGE_CONFIGS.get((language_code or "")[:2], SIMPLE_CONFIG)


@lru_cache(maxsize=512)
def analysed_wordings(config, wordings):
    """Each of `wordings` as `config` analyses it (stemmed, folded, without stop words)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT plainto_tsquery(%s::regconfig, wording)::text"
            " FROM unnest(%s::text[]) WITH ORDINALITY AS wordings(wording, position)"
            " ORDER BY position",
            [config, list(wordings)],
        )
        return tuple(row[0] for row in cursor.fetchall())


def distinct_wordings(query, config):
    """`query` without the alternative wordings that `config` analyses alike.

    A glossary term expands a query into its variants (portal_search.query_wordings), and some
    of them differ only by what stemming removes: 'facture' and 'factures' are both 'factur'.
    Each alternative is ranked on its own, so a duplicate doubles the ranking work for nothing;
    the ranking is their average, so dropping one changes no score.
    """
    if not isinstance(query, Or) or not all(
        isinstance(subquery, PlainText) for subquery in query.subqueries
    ):
        return query
    wordings = tuple(subquery.query_string for subquery in query.subqueries)
    seen = set()
    kept = []
    for subquery, analysed in zip(
        query.subqueries, analysed_wordings(config, wordings), strict=True
    ):
        if (subquery.operator, analysed) not in seen:
            seen.add((subquery.operator, analysed))
            kept.append(subquery)
    return kept[0] if len(kept) == 1 else Or(kept)


class MultilingualPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # modelsearch's indexer reads the backend's configuration for every object it builds:
        # index each language's objects as a batch, with that language's configuration.
        objs_by_config = defaultdict(list)
        for obj in objs:
            objs_by_config[config_for_language(language_of(obj))].append(obj)
        default_config = self.backend.config
        try:
            for config, batch in objs_by_config.items():
                self.backend.config = config
                super().add_items(model, batch)
        finally:
            self.backend.config = default_config


class MultilingualSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        # The query is analysed in the language the member is reading.
        return config_for_language(translation.get_language())

    def _build_rank_expression(self, vectors, config):
        """Rank "any of these words" queries word by word (search/backends/word_weights.py);
        other queries as modelsearch ranks them."""
        wordings = self.query.subqueries if isinstance(self.query, Or) else [self.query]
        if (
            not all(
                isinstance(wording, PlainText) and wording.operator == "or" for wording in wordings
            )
            or sum(len(wording.query_string.split()) for wording in wordings) > MAX_WEIGHED_WORDS
        ):
            return super()._build_rank_expression(vectors, config)
        # Alternative wordings (a glossary term's) count as their average, as modelsearch does.
        return ADD(self.rank_by_rarity(wording, vectors, config) for wording in wordings) / len(
            wordings
        )

    def rank_by_rarity(self, wording, vectors, config):
        """Each word's rank, where it matches (title or text, as modelsearch weighs them),
        saturated so that where matters less than whether; weighed by the word's rarity."""
        words = tuple(
            dict.fromkeys(word for word in re.split(r"[\s\-]+", wording.query_string) if word)
        )
        # Stop words analyse to nothing and rank nothing.
        analysed = {
            word: lexemes
            for word, lexemes in zip(words, analysed_wordings(config, words), strict=True)
            if lexemes
        }
        if not analysed:
            return Value(0.0)
        weights = rarity_weights(config, list(dict.fromkeys(analysed.values())))

        def word_rank(word):
            rank = ADD(
                SearchRank(
                    vector,
                    SearchQuery(word, search_type="plain", config=config),
                    weights=self.sql_weights,
                )
                * boost
                for vector, boost in vectors
            )
            return rank / (rank + WORD_RANK_SATURATION)

        return ADD(word_rank(word) * weights[lexemes] for word, lexemes in analysed.items())

    def search(self, config, start, stop, score_field=None, backend=None):
        """The best `stop` pages, ranking a bounded set of candidates rather than every match.

        Candidates are the first matches the index yields among objects whose title holds the
        words, and as many among all matches: two scans that stop early (LIMIT, no ORDER BY),
        so their cost doesn't grow with the number of matches. Only candidates are ranked. A
        query matching fewer objects than that (most queries) is ranked in full, as before. For a
        very common word the ranking is approximate: objects whose title holds it are always
        among those ranked, the others are a sample. Counting (no `stop`) counts every match.
        Other models (glossary terms, questions, resources) number hundreds, not tens of
        thousands: building the candidate scans would cost them more than ranking every match.
        """
        self.query = distinct_wordings(self.query, config)
        if (
            stop is None
            or not issubclass(self.queryset.model, Page)
            or not self.order_by_relevance
            or self.fields is not None
            or isinstance(self.query, MatchAll | Not | Fuzzy)
        ):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        limit = max(backend.ranked_candidates, stop)
        unordered = self.queryset.order_by()
        matches = unordered.annotate(
            _vector_=vectors[0][0]._combine(vectors[1][0], "||", False)
        ).filter(_vector_=search_query)
        title_matches = unordered.filter(index_entries__title=search_query)
        candidates = self.queryset.filter(
            pk__in=title_matches.values("pk")[:limit].union(matches.values("pk")[:limit])
        )
        return self._apply_ordering_and_scoring(
            candidates, rank_expression, start, stop, score_field
        )


class MultilingualAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    def get_config(self, backend):
        return SIMPLE_CONFIG


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = MultilingualPostgresIndex
    query_compiler_class = MultilingualSearchQueryCompiler
    autocomplete_query_compiler_class = MultilingualAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.config = SIMPLE_CONFIG
        self.autocomplete_config = SIMPLE_CONFIG
        self.ranked_candidates = params.get("RANKED_CANDIDATES", RANKED_CANDIDATES)
