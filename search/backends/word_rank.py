"""A query's rank weighed word by word, written as one SQL expression (PostgreSQL).

The rank (search/backends/word_weights.py) is, over a query's alternative wordings (a glossary
term's), the average of: for each word, weight × r / (r + saturation), where r is the word's
ts_rank in each of the entry's vectors times that vector's boost. Built from Django's own
expressions (SearchRank, arithmetic), a sentence's rank is a tree of hundreds of nodes that
Django copies, resolves and hashes again for each of the four places it appears: that took as
long as PostgreSQL took to run the query (docs/benchmarks.md). Here only the vectors and their
boosts are expressions, resolved and compiled once; the rest is written as text. The SQL is the
one Django wrote, operation for operation, so every score is the same.
"""

from django.db.models import Expression, FloatField, Value
from modelsearch.utils import balanced_reduce


def added(terms):
    """`terms` added as modelsearch's ADD adds them (a balanced tree), so sums round alike."""
    return balanced_reduce(lambda left, right: f"({left} + {right})", terms)


class RankByRarity(Expression):
    """The rank of entries for `wordings`: ((word, weight), ...) for each wording."""

    output_field = FloatField()

    def __init__(self, vectors, wordings, config, sql_weights, saturation):
        super().__init__(output_field=FloatField())
        self.vectors = tuple(
            (vector, boost if hasattr(boost, "resolve_expression") else Value(boost))
            for vector, boost in vectors
        )
        self.wordings = tuple(tuple(words) for words in wordings)
        self.config = config
        self.sql_weights = sql_weights
        self.saturation = saturation

    def get_source_expressions(self):
        return [expression for pair in self.vectors for expression in pair]

    def set_source_expressions(self, expressions):
        self.vectors = tuple(zip(expressions[::2], expressions[1::2], strict=True))

    def as_sql(self, compiler, connection, **extra_context):
        compiled = [compiler.compile(expression) for expression in self.get_source_expressions()]
        pairs = list(zip(compiled[::2], compiled[1::2], strict=True))
        params = []

        def word_rank(word):
            # r, as SearchRank(vector, SearchQuery(word, "plain", config), weights) * boost.
            parts = []
            for (vector_sql, vector_params), (boost_sql, boost_params) in pairs:
                parts.append(
                    f"(ts_rank((%s)::float4[], {vector_sql},"
                    f" plainto_tsquery(%s::regconfig, %s)) * {boost_sql})"
                )
                params.extend([self.sql_weights, *vector_params, self.config, word, *boost_params])
            return added(parts)

        def wording_rank(words):
            if not words:
                params.append(0.0)
                return "%s"
            terms = []
            for word, weight in words:
                # r appears twice: r / (r + saturation), each r with its own parameters.
                numerator = word_rank(word)
                denominator = word_rank(word)
                params.extend([self.saturation, weight])
                terms.append(f"(({numerator} / ({denominator} + %s)) * %s)")
            return added(terms)

        wording_sql = [wording_rank(words) for words in self.wordings]
        params.append(len(self.wordings))
        return f"({added(wording_sql)} / %s)", params
