"""Print how well the search ranks the judged queries, per language (relevance tooling, kept
out of the portal's code).

Run on a database holding the demo site:
    DJANGO_SETTINGS_MODULE=portal.settings.dev python -m tests.search.score_search [--verbose]
"""

import argparse
import sys
from pathlib import Path

import django


def main(argv=None):
    django.setup()
    from tests.search.relevance import JUDGED_QUERIES, NDCG_DEPTH, RECALL_DEPTH, score_search

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--queries", type=Path, default=JUDGED_QUERIES, help="YAML file of judged queries"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=f"also list the queries whose judged results are not all in the top {RECALL_DEPTH}",
    )
    args = parser.parse_args(argv)
    if not args.queries.is_file():
        sys.exit(f"No judged queries at {args.queries}")
    scores = score_search(args.queries)
    print(f"{'language':<10}{'queries':>8}{f'nDCG@{NDCG_DEPTH}':>10}{f'recall@{RECALL_DEPTH}':>10}")
    for language, score in scores.items():
        print(f"{language:<10}{len(score.queries):>8}{score.ndcg:>10.3f}{score.recall:>10.3f}")
    if args.verbose:
        for language, score in scores.items():
            misses = [query for query in score.queries if query.missed]
            print(f"\n{language}: {len(misses)} queries miss")
            for query in misses:
                ranks = ", ".join(f"{item} at {rank or '-'}" for item, rank in query.ranks.items())
                scores = f"nDCG {query.ndcg:.2f}  recall {query.recall:.2f}"
                print(f'  "{query.judged.query}"  {scores}  ({ranks})')


if __name__ == "__main__":
    main()
