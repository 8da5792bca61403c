"""Print how well the search ranks the judged queries, per language and part (relevance tooling,
kept out of the portal's code).

Run on a database holding the demo site:
    DJANGO_SETTINGS_MODULE=portal.settings.dev python -m tests.search.score_search [--verbose]
    … --queries tests/search/queries_members.yaml   (the members' set, per part)
"""

import argparse
import sys
from pathlib import Path

import django


def main(argv=None):
    django.setup()
    from tests.search.relevance import (
        JUDGED_QUERIES,
        NDCG_DEPTH,
        PARTS,
        RECALL_DEPTH,
        UNSEEN,
        score_search,
    )

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--queries", type=Path, default=JUDGED_QUERIES, help="YAML file of judged queries"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=f"also list the queries whose judged results are not all in the top {RECALL_DEPTH}, "
        "and what the unanswerable questions bring up",
    )
    parser.add_argument(
        "--part",
        choices=PARTS,
        help="list only this part's queries with --verbose (tune with --part tuning: the "
        "held-out queries are never read while tuning)",
    )
    args = parser.parse_args(argv)
    if not args.queries.is_file():
        sys.exit(f"No judged queries at {args.queries}")
    scores = score_search(args.queries)
    # A set split into parts is reported per part, then as a whole.
    split = any(query.judged.part for score in scores.values() for query in score.queries)
    rows = [
        (language, part, score.part(part))
        for language, score in scores.items()
        for part in ([*PARTS, UNSEEN] if split else [])
    ] + [(language, "all", score) for language, score in scores.items()]
    print(
        f"{'language':<10}{'part':<9}{'queries':>8}{f'nDCG@{NDCG_DEPTH}':>10}"
        f"{f'recall@{RECALL_DEPTH}':>10}{f'top-{RECALL_DEPTH}':>8}{'unanswerable':>14}"
        f"{'says so':>9}{'false alarm':>13}"
    )
    for language, part, score in rows:
        print(
            f"{language:<10}{part:<9}{len(score.queries):>8}{score.ndcg:>10.3f}"
            f"{score.recall:>10.3f}{score.top_share:>8.3f}{len(score.unanswerable):>14}"
            f"{score.said_so_share:>9.2f}{score.false_alarm_share:>13.2f}"
        )
    if args.verbose:
        for language, score in scores.items():
            misses = [
                query
                for query in score.answerable
                if query.missed and args.part in (None, query.judged.part)
            ]
            print(f"\n{language}: {len(misses)} queries miss")
            for query in misses:
                ranks = ", ".join(f"{item} at {rank or '-'}" for item, rank in query.ranks.items())
                figures = f"nDCG {query.ndcg:.2f}  recall {query.recall:.2f}"
                label = " ".join(filter(None, [query.judged.part, query.judged.style]))
                label = f"[{label}] " if label else ""
                print(f'  {label}"{query.judged.query}"  {figures}  ({ranks})')
            for query in score.unanswerable:
                if args.part not in (None, query.judged.part):
                    continue
                shown = " | ".join(query.top_titles) or "no results"
                said = "says so" if query.said_cannot_answer else "does NOT say so"
                label = f"[{query.judged.part} unanswerable, {said}]"
                print(f'  {label} "{query.judged.query}"  shows: {shown}')


if __name__ == "__main__":
    main()
