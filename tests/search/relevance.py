"""Search relevance, measured on judged queries over the demo site.

Each judged query names the demo objects that must come first (tests/search/queries.yaml, and the
members' set tests/search/queries_members.yaml). The query runs through the portal search as a
member in that language would run it; the ranking is scored with nDCG@10 (are the right results
near the top?), recall@3 (are they all on the first lines?) and "answer in the top 3" (is at least
one of them on the first lines?). Relevance is binary: a result is relevant or it is not.

The members' set also has questions the portal cannot answer (`answerable: false`): they are
counted apart and left out of every mean, and each query belongs to a `part`, tuning or held-out,
scored separately.
"""

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.utils import translation

from demo.loader import demo_key
from portal.text import fold
from search.service import PortalSearch

JUDGED_QUERIES = settings.BASE_DIR / "tests" / "search" / "queries.yaml"
MEMBERS_QUERIES = settings.BASE_DIR / "tests" / "search" / "queries_members.yaml"
PARTS = ["tuning", "heldout"]
# The held-out queries that are not also in the first set.
UNSEEN = "unseen"
NDCG_DEPTH = 10
RECALL_DEPTH = 3


def search_request(language, query):
    """A member's GET of the search page, as the search view receives it."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = f"/{language}/search/"
    request.GET = QueryDict(mutable=True)
    request.GET["q"] = query
    # A host this deployment accepts, so the site lookup answers as for a member.
    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
    request.META = {"SERVER_NAME": host, "SERVER_PORT": "80", "HTTP_HOST": host}
    return request


@dataclass(frozen=True)
class JudgedItem:
    kind: str
    key: str

    @property
    def translation_key(self):
        return demo_key(self.kind, self.key)

    def __str__(self):
        return f"{self.kind}:{self.key}"


@dataclass
class JudgedQuery:
    language: str
    query: str
    relevant: list
    # "tuning" or "heldout" in the members' set; None in a set that is not split.
    part: str | None = None
    answerable: bool = True
    # How the member phrased it (plain, jargon, acronym, typo…), and whom to ask when the
    # portal cannot answer.
    style: str = ""
    ask: str = ""
    # A members' query identical to one of the first set (accents, case and spaces aside): the
    # search was tuned on it there, so it is reported apart from the truly unseen ones.
    repeats_first_set: bool = False


@dataclass
class QueryScore:
    judged: JudgedQuery
    # 1-based rank of each judged item in the results, None when it is not among them.
    ranks: dict
    ndcg: float
    recall: float

    # Titles of the first RECALL_DEPTH results, as the member sees them.
    top_titles: list = field(default_factory=list)
    # The page said "we may not have the answer here" and named whom to ask.
    said_cannot_answer: bool = False

    @property
    def missed(self):
        """Judged items not on the first RECALL_DEPTH lines."""
        return [item for item, rank in self.ranks.items() if rank is None or rank > RECALL_DEPTH]

    @property
    def answered_in_top(self):
        """At least one judged item is on the first RECALL_DEPTH lines."""
        return any(rank is not None and rank <= RECALL_DEPTH for rank in self.ranks.values())


@dataclass
class LanguageScore:
    """The scores of one language's queries, or of one part of them.

    Questions the portal cannot answer have nothing to rank: they are counted, not averaged.
    """

    language: str
    queries: list = field(default_factory=list)

    @property
    def answerable(self):
        return [score for score in self.queries if score.judged.answerable]

    @property
    def unanswerable(self):
        return [score for score in self.queries if not score.judged.answerable]

    @property
    def ndcg(self):
        return mean(score.ndcg for score in self.answerable)

    @property
    def recall(self):
        return mean(score.recall for score in self.answerable)

    @property
    def top_share(self):
        """Share of answerable queries with an answer on the first RECALL_DEPTH lines."""
        return mean(float(score.answered_in_top) for score in self.answerable)

    @property
    def said_so_share(self):
        """Share of the questions the portal cannot answer for which the page says so."""
        return mean(float(score.said_cannot_answer) for score in self.unanswerable)

    @property
    def false_alarm_share(self):
        """Share of answerable queries for which the page says it may not have the answer."""
        return mean(float(score.said_cannot_answer) for score in self.answerable)

    def part(self, name):
        """The scores of the queries of part `name` only; "unseen" is the held-out part without
        the queries that repeat one of the first set."""
        if name == UNSEEN:
            return LanguageScore(
                self.language,
                [
                    score
                    for score in self.queries
                    if score.judged.part == "heldout" and not score.judged.repeats_first_set
                ],
            )
        return LanguageScore(
            self.language, [score for score in self.queries if score.judged.part == name]
        )


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def load_judged_queries(path=JUDGED_QUERIES):
    """The judged queries of `path`, by language; those of another set than the first are marked
    when they repeat one of it."""
    with open(path, encoding="utf-8") as file:
        data = yaml.safe_load(file)
    first_set = {} if Path(path) == JUDGED_QUERIES else first_set_queries()
    return {
        language: [
            JudgedQuery(
                language=language,
                query=entry["query"],
                relevant=[JudgedItem(item["kind"], item["key"]) for item in entry["relevant"]],
                part=entry.get("part"),
                answerable=entry.get("answerable", True),
                style=entry.get("style", ""),
                ask=entry.get("ask", ""),
                repeats_first_set=folded_query(entry["query"]) in first_set.get(language, ()),
            )
            for entry in entries
        ]
        for language, entries in data.items()
    }


def folded_query(query):
    return " ".join(fold(query).split())


def first_set_queries():
    """The first set's queries, folded, by language."""
    return {
        language: {folded_query(judged.query) for judged in queries}
        for language, queries in load_judged_queries(JUDGED_QUERIES).items()
    }


def dcg(gains):
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg_at(gains, relevant_count, depth=NDCG_DEPTH):
    """nDCG of a ranking given as binary gains, the ideal ranking having `relevant_count` hits."""
    ideal = dcg([1] * min(relevant_count, depth))
    return dcg(gains[:depth]) / ideal if ideal else 0.0


def recall_at(gains, relevant_count, depth=RECALL_DEPTH):
    return sum(gains[:depth]) / relevant_count if relevant_count else 0.0


def rank_judged_items(judged, results):
    """Where each judged item first appears in `results`, and the binary gain of each line."""
    wanted = {item.translation_key: item for item in judged.relevant}
    ranks = dict.fromkeys(judged.relevant)
    gains = []
    for rank, result in enumerate(results, start=1):
        item = wanted.get(getattr(result.obj, "translation_key", None))
        # The same object in another language (a fallback result) does not answer the query.
        if item is not None and result.language == judged.language and ranks[item] is None:
            ranks[item] = rank
            gains.append(1)
        else:
            gains.append(0)
    return ranks, gains


def search_outcome(language, query):
    """The search's outcome for `query` as a member of `language` searches it."""
    with translation.override(language):
        return PortalSearch(search_request(language, query), query, language).run()


def found_in_language(language, query):
    """The keys of what the search for `query` lists in the member's language, in order."""
    return [
        result.key
        for result in search_outcome(language, query).results
        if result.language == language
    ]


def score_query(judged):
    outcome = search_outcome(judged.language, judged.query)
    results = outcome.results
    ranks, gains = rank_judged_items(judged, results)
    count = len(judged.relevant)
    return QueryScore(
        judged,
        ranks,
        ndcg_at(gains, count),
        recall_at(gains, count),
        top_titles=[result.title for result in results[:RECALL_DEPTH]],
        said_cannot_answer=outcome.cannot_answer,
    )


def score_search(path=JUDGED_QUERIES):
    """Relevance figures of the search on the judged queries of `path`, by language."""
    return {
        language: LanguageScore(language, [score_query(judged) for judged in queries])
        for language, queries in load_judged_queries(path).items()
    }
