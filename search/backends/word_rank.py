"""A query's rank weighed word by word, written as one SQL expression (PostgreSQL).

The rank (search/backends/word_weights.py) is, over a query's alternative wordings (a glossary
term's), the average of: for each word, weight × r / (r + saturation), where r is the word's
ts_rank in each of the entry's vectors times that vector's boost. Built from Django's own
expressions (SearchRank, arithmetic), a sentence's rank was a tree of hundreds of nodes that
Django copied, resolved and hashed again at each use: that took as long as PostgreSQL took to run
the query (docs/benchmarks.md). Here only the vectors and their boosts are expressions, resolved
and compiled once; the rest is written as text.

Ranking reads each candidate's text once per ts_rank, so each word is ranked once: a word that
several wordings share counts once with their weights added (it is most of a sentence expanded
with a glossary term's other wording), and r / (r + s) is written 1 - s / (r + s), where r
appears once. The scores are the same to the last few bits of a float.
"""

from django.db.models import Expression, FloatField, Value
from modelsearch.utils import balanced_reduce


def added(terms):
    """SQL adding `terms` in a balanced tree, as modelsearch's ADD does."""
    return balanced_reduce(lambda left, right: f"({left} + {right})", terms)


class RankByRarity(Expression):
    """The rank of entries for `words`: ((word, weight), ...), each word once. A word's rank is
    where it matches (the vectors: title or text, as modelsearch weighs them), saturated so that
    where matters less than whether."""

    def __init__(self, vectors, words, config, sql_weights, saturation):
        super().__init__(output_field=FloatField())
        self.vectors = tuple(
            (vector, boost if hasattr(boost, "resolve_expression") else Value(boost))
            for vector, boost in vectors
        )
        self.words = tuple(words)
        self.config = config
        self.sql_weights = sql_weights
        self.saturation = saturation

    def get_source_expressions(self):
        return [expression for pair in self.vectors for expression in pair]

    def set_source_expressions(self, expressions):
        self.vectors = tuple(zip(expressions[::2], expressions[1::2], strict=True))

    def as_sql(self, compiler, connection, **extra_context):
        if not self.words:
            return "%s", [0.0]
        compiled = [compiler.compile(expression) for expression in self.get_source_expressions()]
        pairs = list(zip(compiled[::2], compiled[1::2], strict=True))
        terms = []
        params = []
        for word, weight in self.words:
            # r: SearchRank(vector, SearchQuery(word, "plain", config), weights) × boost, added
            # over the vectors.
            ranks = []
            params.extend([weight, self.saturation])
            for (vector_sql, vector_params), (boost_sql, boost_params) in pairs:
                ranks.append(
                    f"(ts_rank((%s)::float4[], {vector_sql},"
                    f" plainto_tsquery(%s::regconfig, %s)) * {boost_sql})"
                )
                params.extend([self.sql_weights, *vector_params, self.config, word, *boost_params])
            params.append(self.saturation)
            terms.append(f"(%s * (1 - %s / ({added(ranks)} + %s)))")
        return added(terms), params
