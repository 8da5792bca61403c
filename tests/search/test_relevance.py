"""Search relevance on the judged queries of tests/search/queries.yaml and of the members' set
tests/search/queries_members.yaml, and how they are scored.

On the demo site: the judged queries were written against the demo content as a whole, and judge
search on that held-out set, never tuned on (the floors are measured on it). The members' set is
split into a tuning part and a held-out part, guarded part by part.
"""

import math
import os
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Page

from demo.loader import demo_key
from glossary.models import GlossaryTerm
from guides.models import FAQQuestion
from search import circuit_breaker
from tests.pages import LANGUAGES
from tests.search.compounds import score_compounds
from tests.search.relevance import (
    MEMBERS_QUERIES,
    PARTS,
    JudgedItem,
    JudgedQuery,
    LanguageScore,
    QueryScore,
    folded_query,
    load_judged_queries,
    ndcg_at,
    rank_judged_items,
    recall_at,
    score_query,
)
from tests.search.typos import score_typos

pytestmark = pytest.mark.demo_site

# Measured on PostgreSQL with the demo site, less a margin: a change that ranks the judged
# results lower fails here. Raise them when the search gets better.
FLOORS = {
    # French was 0.946 / 0.960: since the agenda's events joined the demo site (2026-12-04),
    # events whose summaries say "inscription" or "assemblée générale" rank among the judged
    # answers, which this set (written before them) does not count (docs/search.md).
    "fr": {"ndcg": 0.90, "recall": 0.88},
    # Dutch recall was 0.958: since FAQ questions rank as titles, the FAQ "Wanneer word ik
    # betaald?" comes first for that very query, and this set judges only the guide.
    "nl": {"ndcg": 0.88, "recall": 0.89},
    "en": {"ndcg": 0.90, "recall": 0.92},
}

# A regression guard on the members' set, not a target: its figures (nDCG@10, recall@3, share
# answered in the top 3, share of unanswerable questions for which the page says so), measured
# on PostgreSQL with the demo site, less 0.03 (docs/search.md keeps every measurement).
# A change that ranks its answers lower fails. The targets are nDCG@10 >= 0.85 and
# recall@3 >= 0.85 on the held-out part of every language; they are not met yet. Raise these
# figures as the search gets better, from work on the tuning part only.
MEMBERS_MARGIN = 0.03
MEMBERS_BASELINE = {
    "fr": {
        "tuning": {"ndcg": 0.974, "recall": 1.0, "top_share": 1.0, "said_so_share": 1.0},
        "heldout": {"ndcg": 0.849, "recall": 0.841, "top_share": 0.909, "said_so_share": 1.0},
    },
    "nl": {
        "tuning": {"ndcg": 0.906, "recall": 0.932, "top_share": 1.0, "said_so_share": 1.0},
        "heldout": {"ndcg": 0.842, "recall": 0.841, "top_share": 0.864, "said_so_share": 1.0},
    },
    "en": {
        "tuning": {"ndcg": 0.788, "recall": 0.841, "top_share": 0.864, "said_so_share": 1.0},
        "heldout": {"ndcg": 0.757, "recall": 0.773, "top_share": 0.773, "said_so_share": 1.0},
    },
}
# The share of answerable questions for which the page says it may not have the answer, measured
# with the figures above: a ceiling, plus one question of a part's 22 answerable ones. Saying so
# more often would pass the floors above and cry wolf.
MEMBERS_FALSE_ALARMS = {
    "fr": {"tuning": 0.09, "heldout": 0.05},
    "nl": {"tuning": 0.05, "heldout": 0.14},
    "en": {"tuning": 0.14, "heldout": 0.09},
}
FALSE_ALARM_MARGIN = 0.05


def test_ndcg_rewards_relevant_results_near_the_top():
    # Two relevant results, found at ranks 2 and 4.
    gains = [0, 1, 0, 1, 0]

    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert ndcg_at(gains, 2) == pytest.approx(expected)
    assert ndcg_at([1, 1, 0], 2) == pytest.approx(1.0)
    assert ndcg_at([0] * 10 + [1, 1], 2) == 0.0
    assert recall_at(gains, 2) == 0.5


def test_a_judged_item_counts_once_and_only_in_the_query_language():
    judged = JudgedQuery("fr", "note de frais", [JudgedItem("guide", "expense-claims")])
    guide = SimpleNamespace(translation_key=demo_key("guide", "expense-claims"))
    results = [
        SimpleNamespace(obj=guide, language="en"),
        SimpleNamespace(obj=SimpleNamespace(), language="fr"),
        SimpleNamespace(obj=guide, language="fr"),
        SimpleNamespace(obj=guide, language="fr"),
    ]

    ranks, gains = rank_judged_items(judged, results)

    assert ranks == {JudgedItem("guide", "expense-claims"): 3}
    assert gains == [0, 0, 1, 0]


def test_each_language_has_at_least_twenty_judged_queries():
    queries = load_judged_queries()

    assert sorted(queries) == sorted(LANGUAGES)
    assert all(len(queries[language]) >= 20 for language in LANGUAGES)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_judged_result_is_a_demo_object(language):
    keys = {
        item.translation_key for query in load_judged_queries()[language] for item in query.relevant
    }
    found = set(
        Page.objects.filter(translation_key__in=keys, locale__language_code=language).values_list(
            "translation_key", flat=True
        )
    ) | set(
        GlossaryTerm.objects.filter(
            translation_key__in=keys, locale__language_code=language
        ).values_list("translation_key", flat=True)
    )

    assert keys == found


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the floors are measured on PostgreSQL"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_judged_results_rank_above_the_floors(language):
    score = LanguageScore(language, [score_query(q) for q in load_judged_queries()[language]])

    misses = [
        f"{q.judged.query!r}: {', '.join(map(str, q.missed))}" for q in score.queries if q.missed
    ]
    assert score.ndcg >= FLOORS[language]["ndcg"], misses
    assert score.recall >= FLOORS[language]["recall"], misses


# Typos of members' words made by rule (tests/search/typos.py): the share whose first result is
# among the first three the word finds, measured on PostgreSQL with the demo site (0.98, 0.99,
# 0.96 on 2026-12-05, once swapped letters counted as one slip), less 0.02 to 0.04. Before the
# dictionary's words counted: 0.90, 0.82, 0.82.
TYPO_FLOORS = {"fr": 0.95, "nl": 0.95, "en": 0.94}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the floors are measured on PostgreSQL"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_typos_of_members_words_find_what_the_words_find(language):
    score = score_typos(language)

    assert score.words >= 15
    assert score.right_share >= TYPO_FLOORS[language], (score.wrong, score.nothing)


# Pairs of words in a row on the portal that Dutch's dictionary reads as one word the portal
# never writes (tests/search/compounds.py): the share of those joined words whose first result is
# among the first three the two words find (14 of 16 on 2026-12-05; none before the split).
# French and English dictionaries take no free compounds: the portal yields none to try there.
COMPOUND_FLOOR = 0.8


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is measured on PostgreSQL")
@pytest.mark.django_db
def test_dutch_compounds_of_words_written_apart_find_what_the_words_find():
    score = score_compounds("nl")

    assert score.compounds >= 10
    assert score.share(score.right) >= COMPOUND_FLOOR, (score.wrong, score.nothing)


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
# Never measured: no Elasticsearch server can run where this was written. Its scores are on
# another scale, so its floors start below PostgreSQL's; set them from the first live run.
ELASTICSEARCH_MARGIN = 0.05


@pytest.fixture(scope="module")
def live_elasticsearch(demo_site, django_db_blocker):
    """The demo site indexed in a live Elasticsearch (indexes of their own), for this module."""
    backends = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": "portal_relevancetest_",
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), django_db_blocker.unblock():
        call_command("update_index", backend_name="default", verbosity=0)
        yield


@pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="set ELASTICSEARCH_URL to measure on a live Elasticsearch"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_judged_results_rank_above_the_floors_on_elasticsearch(language, live_elasticsearch):
    circuit_breaker.close()
    score = LanguageScore(language, [score_query(q) for q in load_judged_queries()[language]])

    # Answered by Elasticsearch itself, not by the database after a failure.
    assert not circuit_breaker.is_open()
    assert score.ndcg >= FLOORS[language]["ndcg"] - ELASTICSEARCH_MARGIN
    assert score.recall >= FLOORS[language]["recall"] - ELASTICSEARCH_MARGIN


def test_an_unanswerable_query_is_counted_apart_from_the_means():
    judged = JudgedQuery("en", "expense claim", [JudgedItem("guide", "expense-claims")])
    found = QueryScore(judged, {JudgedItem("guide", "expense-claims"): 2}, 0.63, 1.0)
    missed = QueryScore(judged, {JudgedItem("guide", "expense-claims"): 4}, 0.43, 0.0)
    unanswerable = QueryScore(
        JudgedQuery("en", "reset password", [], answerable=False), {}, 0.0, 0.0
    )

    score = LanguageScore("en", [found, missed, unanswerable])

    assert score.ndcg == pytest.approx(0.53)
    assert score.recall == 0.5
    assert score.top_share == 0.5
    assert score.unanswerable == [unanswerable]


# --- The members' set -------------------------------------------------------------------------
def members_queries():
    return load_judged_queries(MEMBERS_QUERIES)


def test_the_members_set_has_forty_queries_per_language_in_both_parts():
    queries = members_queries()

    assert sorted(queries) == sorted(LANGUAGES)
    for language in LANGUAGES:
        assert len(queries[language]) >= 40, language
        for part in PARTS:
            answerable = [q for q in queries[language] if q.part == part and q.answerable]
            assert len(answerable) >= 15, (language, part)
        assert {q.part for q in queries[language]} == set(PARTS), language


def test_the_members_set_is_split_by_its_written_rule():
    # Within a language and a style, the 1st, 3rd… query is for tuning, the 2nd, 4th… held out.
    for language, queries in members_queries().items():
        seen = {}
        for query in queries:
            seen[query.style] = seen.get(query.style, 0) + 1
            expected = "tuning" if seen[query.style] % 2 else "heldout"
            assert query.part == expected, (language, query.query)


def test_an_unanswerable_members_query_names_whom_to_ask_and_nothing_to_rank():
    for queries in members_queries().values():
        for query in queries:
            if query.answerable:
                assert query.relevant, query.query
            else:
                assert query.relevant == [] and query.ask, query.query


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_judged_in_the_members_set_exists_in_every_language(language):
    items = {item for queries in members_queries().values() for q in queries for item in q.relevant}
    keys = {item.translation_key for item in items}
    found = set()
    for model in (Page, GlossaryTerm, FAQQuestion):
        found |= set(
            model.objects.filter(
                translation_key__in=keys, locale__language_code=language
            ).values_list("translation_key", flat=True)
        )

    assert sorted(str(item) for item in items if item.translation_key not in found) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the baseline is measured on PostgreSQL"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("part", PARTS)
def test_members_set_regression_guard_keeps_each_part_at_its_baseline(language, part):
    queries = [q for q in members_queries()[language] if q.part == part]
    score = LanguageScore(language, [score_query(q) for q in queries])

    misses = [
        f"{q.judged.query!r}: {', '.join(map(str, q.missed))}" for q in score.answerable if q.missed
    ]
    baseline = MEMBERS_BASELINE[language][part]
    for measure in ("ndcg", "recall", "top_share", "said_so_share"):
        assert getattr(score, measure) >= baseline[measure] - MEMBERS_MARGIN, (measure, misses)
    ceiling = MEMBERS_FALSE_ALARMS[language][part] + FALSE_ALARM_MARGIN
    assert score.false_alarm_share <= ceiling, "says it may not have the answer too often"


@pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="set ELASTICSEARCH_URL to measure on a live Elasticsearch"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("part", PARTS)
def test_members_set_keeps_each_part_at_its_baseline_on_elasticsearch(
    language, part, live_elasticsearch
):
    circuit_breaker.close()
    queries = [q for q in members_queries()[language] if q.part == part]
    score = LanguageScore(language, [score_query(q) for q in queries])

    assert not circuit_breaker.is_open()
    baseline = MEMBERS_BASELINE[language][part]
    for measure in ("ndcg", "recall", "top_share", "said_so_share"):
        floor = baseline[measure] - MEMBERS_MARGIN - ELASTICSEARCH_MARGIN
        assert getattr(score, measure) >= floor, measure


def test_members_queries_repeating_the_first_set_are_marked():
    first = {
        language: {folded_query(q.query) for q in queries}
        for language, queries in load_judged_queries().items()
    }
    for language, queries in members_queries().items():
        for query in queries:
            repeats = folded_query(query.query) in first[language]
            assert query.repeats_first_set == repeats, query.query
        assert any(query.repeats_first_set for query in queries), language
    assert folded_query("  Note de  FRAIS ") == folded_query("note de frais")
    assert folded_query("sociétaire") == folded_query("societaire")
