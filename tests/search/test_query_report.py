"""Searches are counted per language; editors see them and fix the ones that find nothing.

Members search a guide on expense claims and one on tax returns, and the glossary's entry for
expense claims, in French, Dutch and English, built once for the module.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from glossary.models import GlossaryTerm
from search.models import SearchQueryLog
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import PathPageFactory
from tests.home.factories import build_site_tree
from tests.search.factories import guide_in_every_language, in_every_language
from workflows.roles import COMMUNICATION, TRANSLATORS

REPORT = "/admin/reports/searches/"


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        path = PathPageFactory(parent=tree.home["fr"])
        in_every_language(path)
        expense_claims = guide_in_every_language(
            path,
            fr={
                "title": "Déclarer vos frais professionnels",
                "summary": "Introduisez une note de frais pour être remboursé d'un achat payé "
                "pour votre activité.",
                "step": "Gardez un justificatif",
                "body": "Chaque dépense doit être prouvée par une facture ou un ticket.",
            },
            nl={
                "title": "Uw onkosten indienen",
                "summary": "Dien een onkostennota in om een aankoop voor uw activiteit terug "
                "te krijgen.",
                "step": "Bewaar een bewijsstuk",
                "body": "Elke uitgave moet bewezen worden met een factuur of een kasticket.",
            },
            en={
                "title": "Claiming your business expenses",
                "summary": "Claim an expense to be repaid a purchase made for your activity.",
                "step": "Keep a proof",
                "body": "Every expense must be proven by an invoice or a till slip.",
            },
        )
        tax_return = guide_in_every_language(
            path,
            fr={
                "title": "Remplir votre déclaration d'impôts",
                "summary": "Ce que la coopérative vous envoie pour déclarer vos revenus.",
                "step": "Retrouvez votre fiche fiscale",
                "body": "Elle est dans votre espace membre dès le mois de mars.",
            },
            nl={
                "title": "Uw belastingaangifte invullen",
                "summary": "Wat de coöperatie u stuurt om uw inkomsten aan te geven.",
                "step": "Zoek uw fiscale fiche",
                "body": "U vindt ze vanaf maart in uw ledenruimte.",
            },
            en={
                "title": "Filling in your tax return",
                "summary": "What the cooperative sends you to declare your income.",
                "step": "Find your tax slip",
                "body": "It is in your member space from March.",
            },
        )
        expense_term = in_every_language(
            GlossaryTermFactory(
                term="Note de frais",
                definition="Une demande de remboursement d'une dépense payée pour votre activité.",
            ),
            nl={"Note de frais": "Onkostennota"},
            en={"Note de frais": "Expense claim"},
        )
        yield {
            "expense claims": expense_claims,
            "tax return": tax_return,
            "expense term": expense_term,
        }


def glossary_term(content, language):
    """The expense claim entry of `language`, as saved now: tests change its wordings."""
    return GlossaryTerm.objects.get(pk=content["expense term"][language].pk)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("comms", password="x-long-password-1")
    # Staff outside the translators' groups work in every language (workflows/roles.py).
    user.groups.add(Group.objects.get(name=COMMUNICATION))
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_searchquerylog",
                "change_glossaryterm",
                "add_searchpromotion",
                "change_searchpromotion",
            ]
        )
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_each_search_is_counted_with_its_language_and_result_count(client, content):
    client.get("/fr/search/", {"q": "Facture"})
    client.get("/fr/search/", {"q": "facture "})
    client.get("/nl/search/", {"q": "zzqqxx"})

    fr = SearchQueryLog.objects.get(query="facture", language="fr")
    nl = SearchQueryLog.objects.get(query="zzqqxx", language="nl")
    assert fr.searches == 2 and fr.results > 0
    assert nl.searches == 1 and nl.results == 0


@pytest.mark.django_db
def test_report_lists_frequent_and_zero_result_searches_per_language(client, staff_client, content):
    for _ in range(3):
        client.get("/en/search/", {"q": "expense"})
    client.get("/en/search/", {"q": "qqzzxx"})
    client.get("/nl/search/", {"q": "qqzzxx"})

    html = BeautifulSoup(staff_client.get(REPORT).content, "html.parser")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")[:4]]
        for tr in html.select("tbody tr")
    ]
    assert rows[0] == ["expense", "en", "3", rows[0][3]]

    zero = staff_client.get(REPORT, {"zero_results": "true", "language": "nl"})
    html = BeautifulSoup(zero.content, "html.parser")
    assert [tr.find("td").get_text(strip=True) for tr in html.select("tbody tr")] == ["qqzzxx"]


@pytest.mark.django_db
def test_adding_a_zero_result_search_as_a_glossary_variant_makes_it_find_the_term(
    client, staff_client, django_capture_on_commit_callbacks, content
):
    client.get("/en/search/", {"q": "out of pocket form"})
    assert SearchQueryLog.objects.get(query="out of pocket form", language="en").results == 0
    term = glossary_term(content, "en")

    # Committed, as the admin's request is: what searches keep of the glossary follows then.
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/reports/searches/add-variant/",
            {"query": "out of pocket form", "term": term.pk},
        )

    assert response.status_code == 302
    term.refresh_from_db()
    assert "out of pocket form" in term.variant_list
    html = BeautifulSoup(
        client.get("/en/search/", {"q": "out of pocket form"}).content, "html.parser"
    )
    assert content["expense claims"]["en"].url in [
        a["href"] for a in html.select(".search-result__title a")
    ]


@pytest.mark.django_db
def test_promoting_a_search_opens_its_promotions_and_members_see_the_pick(
    client, staff_client, content
):
    response = staff_client.post("/admin/reports/searches/promote/", {"query": "Tax forms"})

    query = Query.objects.get(query_string="tax forms")
    assert response["Location"] == f"/admin/searchpicks/{query.pk}/"
    guide = content["tax return"]["fr"]
    SearchPromotion.objects.create(query=query, page=guide, sort_order=0, description="Start here")
    html = BeautifulSoup(client.get("/nl/search/", {"q": "tax forms"}).content, "html.parser")
    picks = html.select(".promotions a")
    assert [a["href"] for a in picks] == [content["tax return"]["nl"].url]


@pytest.mark.django_db
def test_people_without_the_report_permission_are_refused(client, django_user_model, content):
    user = django_user_model.objects.create_user("reader", password="x-long-password-2")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    term = glossary_term(content, "fr")
    report = client.get(REPORT)
    assert (report.status_code, report["Location"]) == (302, "/admin/")
    response = client.post("/admin/reports/searches/add-variant/", {"query": "x", "term": term.pk})
    assert response.status_code in {302, 403}
    term.refresh_from_db()
    assert "x" not in term.variant_list


ADD_VARIANT = "/admin/reports/searches/add-variant/"


@pytest.mark.django_db
def test_a_search_made_in_dutch_cannot_become_a_wording_of_a_french_term(
    client, staff_client, content
):
    client.get("/nl/search/", {"q": "onkostennota formulier"})
    term = glossary_term(content, "fr")

    response = staff_client.post(ADD_VARIANT, {"query": "onkostennota formulier", "term": term.pk})

    assert response.status_code == 302
    term.refresh_from_db()
    assert "onkostennota formulier" not in term.variant_list


@pytest.mark.django_db
def test_adding_a_variant_never_sends_the_editor_to_another_site(client, staff_client, content):
    client.get("/en/search/", {"q": "out of pocket form"})
    term = glossary_term(content, "en")

    response = staff_client.post(
        ADD_VARIANT,
        {"query": "out of pocket form", "term": term.pk, "next": "https://elsewhere.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == REPORT


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["abc", "١٢", "", "99999999"])
def test_a_term_that_is_not_one_gets_a_404(staff_client, content, term):
    response = staff_client.post(ADD_VARIANT, {"query": "x", "term": term}, follow=True)

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_dutch_translator_cannot_add_a_wording_to_a_french_term(
    client, django_user_model, content
):
    client.get("/fr/search/", {"q": "formulaire de frais"})
    translator = django_user_model.objects.create_user("vertaler")
    translator.groups.add(Group.objects.get(name=TRANSLATORS["nl"]))
    translator.user_permissions.add(Permission.objects.get(codename="view_searchquerylog"))
    client.force_login(translator)
    term = glossary_term(content, "fr")

    client.post(ADD_VARIANT, {"query": "formulaire de frais", "term": term.pk})

    term.refresh_from_db()
    assert "formulaire de frais" not in term.variant_list
