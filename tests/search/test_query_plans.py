"""The SQL a search sends on PostgreSQL: served by the indexes search/0001 and 0004 create, and
ranking a bounded number of candidates however many pages match.

Built once for the module: a French path with more guides about invoices than the candidates
ranked, and a glossary entry that names them too.
"""

import json
import re
from itertools import accumulate

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from modelsearch.query import Or, PlainText
from wagtail.models import Locale, Page

from glossary.models import GlossaryTerm
from search.backends.postgres import MultilingualPostgresSearchBackend, distinct_wordings
from search.service import PortalSearch
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
)
# The match condition, in the main query or in a subquery (where Django aliases the table U2, V0).
VECTOR = re.compile(r'\((?:"wagtailsearch_indexentry"|[A-Z]\d+)\."title" \|\| \S+\."body"\) @@ ')
# (title, summary) of French guides that all match 'facture': more than the candidates ranked.
INVOICE_GUIDES = [
    ("Facturer un client", "Préparer une facture correcte et la faire partir."),
    ("Relancer une facture impayée", "Que faire quand le client ne paie pas sa facture."),
    ("Corriger une facture", "Une erreur sur la facture ? Établissez une note de crédit."),
    ("Facturer à l'étranger", "La TVA sur une facture pour un client hors de Belgique."),
    ("Facturer des droits d'auteur", "La convention de droits d'auteur s'ajoute à la facture."),
    ("Suivre vos paiements", "Voir quand chaque facture est payée dans votre espace membre."),
    ("Déclarer vos frais", "Le ticket ou la facture prouve chaque dépense."),
    ("Demander un acompte", "Une facture d'acompte avant de commencer un long projet."),
]


@pytest.fixture(scope="module")
def invoice_guides(shared_data):
    with shared_data():
        tree = build_site_tree()
        path = PathPageFactory(parent=tree.home["fr"])
        guides = [
            GuidePageFactory(
                parent=path,
                title=title,
                summary=summary,
                steps=[step("Ouvrez votre espace membre", "<p>Rubrique facturation.</p>")],
            )
            for title, summary in INVOICE_GUIDES
        ]
        GlossaryTermFactory(
            term="Facture", definition="Le document qui demande au client de payer."
        )
        yield {"path": path, "guides": guides}


def match_condition(sql):
    """The `vector @@ query` condition of the search, on the index entry table's own name."""
    found = VECTOR.search(sql)
    query = sql[found.end() :]
    # The query is one parenthesised expression: it ends where its parentheses balance.
    depths = accumulate({"(": 1, ")": -1}.get(char, 0) for char in query)
    end = next(index for index, depth in enumerate(depths) if depth == 0)
    return (
        '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@ '
        + query[: end + 1]
    )


def page_search_sql(search):
    """The SQL of the full-text query over pages that `search()` sends."""
    with CaptureQueriesContext(connection) as queries:
        search()
    return next(
        query["sql"]
        for query in queries.captured_queries
        if "@@" in query["sql"] and 'FROM "wagtailcore_page"' in query["sql"]
    )


def explain(sql, *settings):
    """The plan PostgreSQL runs `sql` with, as JSON (EXPLAIN ANALYZE)."""
    with connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(setting)
        # The statement is SQL our own search produced a moment ago, not outside input.
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    return plan if isinstance(plan, list) else json.loads(plan)


def plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def french_pages():
    return Page.objects.live().filter(locale=Locale.objects.get(language_code="fr"), depth__gt=2)


def small_bound_backend(candidates):
    """The portal's PostgreSQL backend, bounding ranking to `candidates` results."""
    return MultilingualPostgresSearchBackend({"RANKED_CANDIDATES": candidates})


@pytest.mark.django_db
def test_the_match_condition_search_emits_is_served_by_the_document_index(rf, invoice_guides):
    with translation.override("fr"):
        search_sql = page_search_sql(lambda: PortalSearch(rf.get("/"), "facture", "fr").run())
    condition = match_condition(search_sql)

    with connection.cursor() as cursor:
        # On a site this small a sequential scan wins anyway; what must hold is that the
        # condition modelsearch emits is the expression the index was built on.
        cursor.execute("SET LOCAL enable_seqscan = off")
        # The condition is SQL our own search produced a moment ago, not outside input.
        cursor.execute(f"EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE {condition}")  # noqa: S608
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Bitmap Index Scan on portal_search_document" in plan


@pytest.mark.django_db
def test_a_broad_search_ranks_a_bounded_number_of_candidates_not_every_match(invoice_guides):
    backend = small_bound_backend(3)
    query = PlainText("facture")
    with translation.override("fr"):
        matching = backend.search(query, french_pages()).count()
        sql = page_search_sql(
            lambda: list(backend.search(query, french_pages()).annotate_score("score")[:2])
        )
    plan = explain(sql)

    ranking = next(
        node
        for node in plan_nodes(plan[0]["Plan"])
        if node["Node Type"] == "Sort" and "ts_rank" in " ".join(node["Sort Key"])
    )
    ranked_rows = ranking["Plans"][0]["Actual Rows"] * ranking["Plans"][0]["Actual Loops"]
    # Three title matches and three matches of any kind at most, however many pages match.
    assert matching > 6
    assert 0 < ranked_rows <= 6


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lookup", "index"),
    [
        # The page of an index entry: each candidate entry's page is checked by primary key.
        (
            "SELECT id FROM wagtailcore_page WHERE id = (%s::varchar(50))::integer",
            "wagtailcore_page_pkey",
        ),
        # The entry of a page: ranking reads the candidates' entries.
        (
            "SELECT id FROM wagtailsearch_indexentry WHERE object_id = %s",
            "portal_search_entry_object",
        ),
    ],
)
def test_each_side_of_the_join_between_index_entries_and_pages_has_an_index(
    invoice_guides, lookup, index
):
    guide = invoice_guides["guides"][0]
    with translation.override("fr"):
        sql = page_search_sql(
            lambda: list(small_bound_backend(3).search(PlainText("facture"), french_pages())[:2])
        )
    # modelsearch keys entries by a text object_id and joins on the page id cast to text
    # (migration search/0004 indexes the entry side); the candidate scans cast the other way.
    assert '"object_id" = ("wagtailcore_page"."id")::varchar(50)' in sql
    assert re.search(r'U0\."id" = \([A-Z]\d+\."object_id"\)::integer', sql)

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + lookup, [str(guide.pk)])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert index in plan


@pytest.mark.django_db
def test_a_search_in_one_language_reads_only_its_entries_and_checks_pages_by_key(
    invoice_guides,
):
    with translation.override("fr"):
        sql = page_search_sql(
            lambda: list(small_bound_backend(3).search(PlainText("facture"), french_pages())[:2])
        )
    french = Locale.objects.get(language_code="fr")
    plan = explain(sql, "SET LOCAL enable_seqscan = off")
    candidate_scans = [
        node
        for node in plan_nodes(plan[0]["Plan"])
        if node.get("Relation Name") == "wagtailsearch_indexentry" and "@@" in conditions(node)
    ]

    # Which index PostgreSQL picks on a site this small says nothing of the plan at scale
    # (docs/benchmarks.md): what must hold is the shape that keeps it fast however the tables
    # lie on disk. The two candidate scans read the language's entries only...
    assert len(candidate_scans) == 2
    assert all(f"locale_id = {french.pk}" in conditions(node) for node in candidate_scans)
    # ...check each entry's page by its key in a scalar subquery, which is never turned into a
    # join with every page of the language, as EXISTS or IN would be...
    assert sql.count('U0."id" = (V0."object_id")::integer)) IS NOT NULL') == 2
    assert "EXISTS" not in sql
    # ...and the pages ranked are named by id.
    assert '"wagtailcore_page"."id" = ANY(ARRAY(' in sql


def conditions(node):
    """Every condition a scan checks, in the index or on the rows."""
    return " ".join(
        part[key]
        for part in plan_nodes(node)
        for key in ("Index Cond", "Recheck Cond", "Filter")
        if key in part
    )


@pytest.mark.django_db
def test_index_entries_carry_the_locale_of_their_page(invoice_guides):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page.locale_id, entry.locale_id FROM wagtailcore_page page"
            " JOIN wagtailsearch_indexentry entry ON entry.object_id = page.id::varchar(50)"
            " WHERE page.depth > 1"
        )
        locales = cursor.fetchall()

    assert locales
    assert all(page_locale == entry_locale for page_locale, entry_locale in locales)


@pytest.mark.django_db
def test_a_search_not_limited_to_one_locale_finds_pages_of_every_language(invoice_guides):
    dutch_path = PathPageFactory(parent=build_site_tree().home["nl"])
    titled = [
        GuidePageFactory(parent=invoice_guides["path"], title="Zork fr"),
        GuidePageFactory(parent=dutch_path, title="Zork nl"),
    ]
    every_language = Page.objects.live().filter(depth__gt=2)

    with translation.override("fr"):
        found = [page.pk for page in small_bound_backend(3).search("zork", every_language)[:10]]

    assert sorted(found) == sorted(page.pk for page in titled)


@pytest.mark.django_db
def test_only_one_gin_index_serves_autocomplete():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry' "
            "AND indexdef LIKE '%USING gin (autocomplete)%'"
        )
        indexes = [row[0] for row in cursor.fetchall()]

    assert len(indexes) == 1, indexes


@pytest.mark.django_db
def test_a_title_match_is_ranked_even_when_body_matches_fill_the_candidates(invoice_guides):
    parent = invoice_guides["path"]
    for number in range(4):
        GuidePageFactory(
            parent=parent,
            title=f"Préparer sa tournée {number}",
            slug=f"tournee-{number}",
            steps=[step("Lire", "<p>Un quokkaphone, un quokkaphone, un quokkaphone.</p>")],
        )
    titled = GuidePageFactory(parent=parent, title="Louer un quokkaphone", slug="louer-quokka")
    backend = small_bound_backend(1)
    query = PlainText("quokkaphone")

    with translation.override("fr"):
        best = list(backend.search(query, french_pages())[:1])
        matching = backend.search(query, french_pages()).count()

    assert [page.pk for page in best] == [titled.pk]
    # Counting is never bounded: every match counts.
    assert matching == 5


@pytest.mark.django_db
def test_glossary_wordings_that_the_language_analyses_alike_are_ranked_once():
    query = Or([PlainText("facture"), PlainText("Factures"), PlainText("note de frais")])

    kept = distinct_wordings(query, "portal_fr")

    assert [wording.query_string for wording in kept.subqueries] == ["facture", "note de frais"]
    # In Dutch, 'facturen' and 'factuur' are both 'factur': one wording is left, searched alone.
    dutch = distinct_wordings(Or([PlainText("factuur"), PlainText("facturen")]), "portal_nl")
    assert isinstance(dutch, PlainText)
    assert dutch.query_string == "factuur"


@pytest.mark.django_db
def test_a_search_with_wordings_alike_sends_one_ranking_per_field(invoice_guides):
    query = Or([PlainText("facture"), PlainText("factures")])
    with translation.override("fr"):
        sql = page_search_sql(
            lambda: list(small_bound_backend(3).search(query, french_pages())[:2])
        )
    # One ts_rank for the title and one for the body, not two of each.
    assert sql.count("ts_rank(") == 2


@pytest.mark.django_db
def test_only_pages_are_ranked_from_bounded_candidates(invoice_guides):
    backend = small_bound_backend(3)
    french = Locale.objects.get(language_code="fr")
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        list(backend.search(PlainText("facture"), GlossaryTerm.objects.filter(locale=french))[:2])
        list(backend.search(PlainText("facture"), french_pages())[:2])
    searches = [query["sql"] for query in queries.captured_queries if "@@" in query["sql"]]
    term_sql, page_sql = searches

    # Glossary terms number hundreds: every match is ranked, without the candidate scans.
    assert "UNION" not in term_sql
    assert "UNION" in page_sql
