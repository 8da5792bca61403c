"""Print how well the search ranks the judged queries, per language."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.relevance import JUDGED_QUERIES, NDCG_DEPTH, RECALL_DEPTH, score_search


class Command(BaseCommand):
    help = (
        f"Run the judged queries through the search on the demo site and print nDCG@{NDCG_DEPTH} "
        f"and recall@{RECALL_DEPTH} per language. Needs the demo site (load_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queries", type=Path, default=JUDGED_QUERIES, help="YAML file of judged queries"
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help=f"also list the queries whose judged results are not all in the top "
            f"{RECALL_DEPTH}, with where each one ranks",
        )

    def handle(self, *args, queries, verbose, **options):
        if not queries.is_file():
            raise CommandError(f"No judged queries at {queries}")
        scores = score_search(queries)

        self.stdout.write(
            f"{'language':<10}{'queries':>8}{f'nDCG@{NDCG_DEPTH}':>10}{f'recall@{RECALL_DEPTH}':>10}"
        )
        for language, score in scores.items():
            self.stdout.write(
                f"{language:<10}{len(score.queries):>8}{score.ndcg:>10.3f}{score.recall:>10.3f}"
            )

        if verbose:
            for language, score in scores.items():
                misses = [query for query in score.queries if query.missed]
                self.stdout.write(f"\n{language}: {len(misses)} queries miss")
                for query in misses:
                    ranks = ", ".join(
                        f"{item} at {rank or '-'}" for item, rank in query.ranks.items()
                    )
                    self.stdout.write(
                        f'  "{query.judged.query}"  nDCG {query.ndcg:.2f}'
                        f"  recall {query.recall:.2f}  ({ranks})"
                    )
