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

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BooleanField, F, Func, IntegerField, OuterRef, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from django.db.models.sql.where import AND
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Fuzzy, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from .word_rank import RankByRarity
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


def filtered_locale_id(queryset):
    """The locale `queryset` keeps only the objects of (`.filter(locale=...)`), or None."""
    where = queryset.query.where
    if where.connector != AND or where.negated:
        return None
    for lookup in where.children:
        target = getattr(getattr(lookup, "lhs", None), "target", None)
        if isinstance(lookup, Exact) and getattr(target, "name", None) == "locale":
            return lookup.rhs if isinstance(lookup.rhs, int) else None
    return None


class IdArray(Subquery):
    """ARRAY(subquery): the ids a subquery returns, as one value."""

    template = "ARRAY(%(subquery)s)"
    output_field = ArrayField(IntegerField())


class AmongIds(Func):
    """`pk = ANY(ARRAY(subquery))`: the ids are one value, computed once. Given `pk IN
    (subquery)`, the planner may join them with every row the other conditions allow; given an
    array, it looks each id up by primary key (at scale; docs/benchmarks.md)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        (column, column_params), (ids, ids_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return f"{column} = ANY({ids})", (*column_params, *ids_params)


_locale_column_seen = set()


def has_locale_column(connection):
    """Whether the entries table has its locale column yet; known for good once seen."""
    if connection.alias not in _locale_column_seen:
        with connection.cursor() as cursor:
            columns = connection.introspection.get_table_description(
                cursor, IndexEntry._meta.db_table
            )
        if any(column.name == "locale_id" for column in columns):
            _locale_column_seen.add(connection.alias)
    return connection.alias in _locale_column_seen


class MultilingualPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # modelsearch's indexer reads the backend's configuration for every object it builds:
        # index each locale's objects as a batch, with its language's configuration.
        objs_by_locale = defaultdict(list)
        for obj in objs:
            objs_by_locale[getattr(obj, "locale_id", None)].append(obj)
        default_config = self.backend.config
        try:
            for locale_id, batch in objs_by_locale.items():
                self.backend.config = config_for_language(language_of(batch[0]))
                super().add_items(model, batch)
                if locale_id is not None:
                    self.record_locale(model, batch, locale_id)
        finally:
            self.backend.config = default_config

    def record_locale(self, model, objs, locale_id):
        """Store the objects' locale on their entries (the column migration search/0007 adds),
        so a search in one language reads only that language's entries from the indexes."""
        if not has_locale_column(self.write_connection):
            # An earlier migration indexing content before search/0007 added the column;
            # search/0007 fills it for every entry then.
            return
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {IndexEntry._meta.db_table} SET locale_id = %s"  # noqa: S608
                " WHERE content_type_id = %s AND object_id = ANY(%s)"
                " AND locale_id IS DISTINCT FROM %s",
                [locale_id, get_content_type_pk(model), [str(obj.pk) for obj in objs], locale_id],
            )


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
        # Alternative wordings (a glossary term's) count as their average, as modelsearch does;
        # a word several of them share is ranked once, their weights added.
        weights = {}
        for wording in wordings:
            for word, lexemes, weight in self.weighed_words(wording, config):
                first_word, total = weights.get(lexemes, (word, 0.0))
                weights[lexemes] = (first_word, total + weight / len(wordings))
        return RankByRarity(
            vectors, list(weights.values()), config, self.sql_weights, WORD_RANK_SATURATION
        )

    @staticmethod
    def weighed_words(wording, config):
        """(word, lexemes, weight) for each word of `wording` that `config` doesn't drop (stop
        words analyse to nothing and rank nothing), weighed by its rarity."""
        words = tuple(
            dict.fromkeys(word for word in re.split(r"[\s\-]+", wording.query_string) if word)
        )
        analysed = {
            word: lexemes
            for word, lexemes in zip(words, analysed_wordings(config, words), strict=True)
            if lexemes
        }
        if not analysed:
            return []
        weights = rarity_weights(config, list(dict.fromkeys(analysed.values())))
        return [(word, lexemes, weights[lexemes]) for word, lexemes in analysed.items()]

    def search(self, config, start, stop, score_field=None, backend=None):
        """The best `stop` pages, ranking a bounded set of candidates rather than every match.

        Candidates are the first matches the index yields among entries whose title holds the
        words, and as many among all matches: two scans that stop early (LIMIT, no ORDER BY),
        so their cost doesn't grow with the number of matches. Only candidates are ranked. A
        query matching fewer objects than that (most queries) is ranked in full, as before. For a
        very common word the ranking is approximate: objects whose title holds it are always
        among those ranked, the others are a sample. Counting (no `stop`) counts every match.
        Other models (glossary terms, questions, resources) number hundreds, not tens of
        thousands: building the candidate scans would cost them more than ranking every match.

        The plan must not depend on the planner's estimates, which follow how the database was
        built: on a database built in one go, joining candidates with pages read every page of
        the language (docs/benchmarks.md). So the scans start from the index entries, narrowed
        to the queryset's locale by the indexes themselves (migration search/0007), and check
        each entry's page against the queryset by primary key; the pages ranked are then
        looked up by primary key too.
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
        entries = entries_of(self.queryset, IndexEntry._default_manager.all())
        page_id = Cast("object_id", IntegerField())
        title_matches = entries.filter(title=search_query).values(page_id=page_id)
        matches = holding(entries, search_query).values(page_id=page_id)
        candidate_ids = IdArray(title_matches[:limit].union(matches[:limit]))
        candidates = self.queryset.filter(AmongIds(F("pk"), candidate_ids))
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

    def may_match(self, locale_id, query):
        """False when no index entry of the locale holds the words `query` asks for, so that
        no search of its objects could find anything; True when some might.

        One look in the entries' GIN index instead of a search per kind of object: a
        misspelling, a word of another language and words found nowhere are first searched
        where they are not (docs/benchmarks.md). A search matches words in an entry's title or
        text, so what none of them holds together is found by none.
        """
        if asks_any_of_several_words(query):
            # Nearly always matched; reading every entry holding any of them from the index
            # costs more (10 ms for a sentence at 50,000 guides) than it could save.
            return True
        entries = self.entries_holding(query)
        if entries is None:
            return True
        return materialized_exists(in_locale(entries, locale_id))

    def finds_any(self, queryset, query):
        """Whether a search of `queryset` for `query`, a word or words all asked for, would
        find anything; None when that can't be told without searching.

        The entries holding the words are read from the GIN index, and each one's object is
        looked up by primary key in `queryset` until one is there: no ranking, and no scan of
        the table whatever the word (a search for one unranked result scanned it, 450 ms at
        50,000 guides per language for a word no page holds).
        """
        entries = self.entries_holding(query)
        if entries is None:
            return None
        return materialized_exists(entries_of(queryset, entries))

    def entries_holding(self, query):
        """The index entries whose title and text together hold what `query` asks for, analysed
        in the language searched; None for a query that isn't only words, or before the
        entries have their locale (migration search/0007)."""
        if not is_plain_words(query) or not has_locale_column(connection):
            return None
        # Any indexed model will do: only the query's analysis is used.
        compiler = self.query_compiler_class(Page.objects.none(), query)
        config = compiler.get_config(self)
        tsquery = compiler.build_tsquery(distinct_wordings(query, config), config=config)
        if tsquery is None:
            return None
        return holding(IndexEntry._default_manager.all(), tsquery)


def in_locale(entries, locale_id):
    """`entries` of objects in the locale (the column migration search/0007 adds)."""
    # Unqualified: the column is not on modelsearch's model, and Django renames the table in a
    # subquery. Only the entries table is in scope here.
    return entries.filter(RawSQL("locale_id = %s", [locale_id], output_field=BooleanField()))


def holding(entries, tsquery):
    """`entries` whose title and text together match `tsquery` (the GIN index of search/0001)."""
    return entries.alias(_vector_=F("title")._combine(F("body"), "||", False)).filter(
        _vector_=tsquery
    )


def entries_of(queryset, entries):
    """`entries` of the objects of `queryset`: of its model, in its locale if it filters one,
    each entry's object checked against it by primary key."""
    entries = entries.filter(content_type_id__in=get_descendants_content_types_pks(queryset.model))
    locale_id = filtered_locale_id(queryset)
    if locale_id is not None:
        entries = in_locale(entries, locale_id)
    # A scalar subquery, unlike EXISTS, is never turned into a join: one primary key lookup
    # per entry the index yields, and a scan stops at its limit.
    found = queryset.order_by().filter(pk=Cast(OuterRef("object_id"), IntegerField()))
    return entries.alias(_found=Subquery(found.values("pk"))).filter(_found__isnull=False)


def materialized_exists(queryset):
    """Whether `queryset` has a row, planned as if all its rows were wanted.

    Asked for one row, PostgreSQL expects to meet a match early in the table and scans it in
    order, to its end when nothing matches (450 ms at 50,000 guides per language). Planned
    whole, the query reads the GIN index, which says at once that nothing matches; the rows are
    still fetched one at a time, up to the first.
    """
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH found AS MATERIALIZED ({sql}) SELECT EXISTS (SELECT 1 FROM found)",  # noqa: S608
            params,
        )
        return cursor.fetchone()[0]


def asks_any_of_several_words(query):
    """Whether `query` is satisfied by any one of several words."""
    wordings = query.subqueries if isinstance(query, Or) else [query]
    return any(
        isinstance(wording, PlainText)
        and wording.operator == "or"
        and len(wording.query_string.split()) > 1
        for wording in wordings
    )


def is_plain_words(query):
    """Whether `query` only asks for words (no negation, no fuzziness, not everything)."""
    if isinstance(query, PlainText):
        return True
    return isinstance(query, And | Or) and all(
        is_plain_words(subquery) for subquery in query.subqueries
    )
