"""How much each word of a query counts when a result need hold only some of them (PostgreSQL).

PostgreSQL's ranking (ts_rank) counts how often and where a document holds the words, not how
rare they are: in "what happens if I get hurt during a shoot", a page saying "get" five times
outranks the insurance guide, the one page saying "hurt". Elasticsearch (BM25) and SQLite's FTS5
weigh words by their rarity already. Here each word of an "any of these words" query is ranked on
its own and weighed by its inverse document frequency across the search index, so the rare words
of a sentence decide its ranking.
"""

import hashlib
import math

from django.core.cache import cache
from django.db import connection
from modelsearch.conf import get_app_config

from portal import page_cache

# Counted once per word until the content changes (the page cache's generation moves on with
# every change), and at most a day old.
FREQUENCY_SECONDS = 24 * 60 * 60
CACHE_PREFIX = "search:document-frequency"


def document_frequencies(config, lexemes):
    """How many index entries hold each of `lexemes` (tsquery text as `config` analyses a word),
    and how many entries there are, from the cache or from one query."""
    prefix = f"{CACHE_PREFIX}:{page_cache.generation()}:{config}"
    # Hashed: a lexeme is what a member typed, analysed (quotes, spaces, any script).
    keys = {lexeme: f"{prefix}:{hashlib.sha256(lexeme.encode()).hexdigest()}" for lexeme in lexemes}
    total_key = f"{prefix}:*"
    known = cache.get_many([*keys.values(), total_key])
    missing = [lexeme for lexeme, key in keys.items() if key not in known]
    if missing or total_key not in known:
        counted = count_entries(missing)
        cache.set_many(
            {**{keys[lexeme]: counted[lexeme] for lexeme in missing}, total_key: counted["*"]},
            FREQUENCY_SECONDS,
        )
        known.update({keys[lexeme]: counted[lexeme] for lexeme in missing})
        known[total_key] = counted["*"]
    return {lexeme: known[key] for lexeme, key in keys.items()}, known[total_key]


def count_entries(lexemes):
    """Entries holding each lexeme, and all entries ('*'), in one query: each count is its own
    scan of the GIN index on `title || body` (migration search/0001), not of the table."""
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    counts = "".join(
        f", (SELECT count(*) FROM {table} WHERE (title || body) @@ %s::tsquery)"  # noqa: S608
        for _lexeme in lexemes
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT count(*) FROM {table}){counts}", list(lexemes))  # noqa: S608
        total, *found = cursor.fetchone()
    return {"*": total, **dict(zip(lexemes, found, strict=True))}


def rarity_weights(config, lexemes):
    """Each lexeme's weight, from 1 for the rarest down towards 0 for one every entry holds.

    The inverse document frequency counts squared, as in Lucene's classic TF-IDF scoring (once
    for the query, once for the document): a word ten times as common as another weighs about
    a fifth as much, not half.
    """
    frequencies, total = document_frequencies(config, lexemes)
    rarity = {
        lexeme: math.log((total + 1) / (frequency + 1)) for lexeme, frequency in frequencies.items()
    }
    rarest = max(rarity.values(), default=0)
    if rarest <= 0:
        return dict.fromkeys(lexemes, 1.0)
    return {lexeme: (value / rarest) ** 2 for lexeme, value in rarity.items()}
