"""Searches are counted per language; editors see them and fix the ones that find nothing."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from glossary.models import GlossaryTerm
from search.models import SearchQueryLog
from tests.pages import demo_page
from workflows.roles import COMMUNICATION, TRANSLATORS

REPORT = "/admin/reports/searches/"


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("comms", password="x-long-password-1")
    # Staff outside the translators' groups work in every language (portal/roles.py).
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
def test_each_search_is_counted_with_its_language_and_result_count(client):
    client.get("/fr/search/", {"q": "Facture"})
    client.get("/fr/search/", {"q": "facture "})
    client.get("/nl/search/", {"q": "zzqqxx"})

    fr = SearchQueryLog.objects.get(query="facture", language="fr")
    nl = SearchQueryLog.objects.get(query="zzqqxx", language="nl")
    assert fr.searches == 2 and fr.results > 0
    assert nl.searches == 1 and nl.results == 0


@pytest.mark.django_db
def test_report_lists_frequent_and_zero_result_searches_per_language(client, staff_client):
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
    client, staff_client, django_capture_on_commit_callbacks
):
    client.get("/en/search/", {"q": "out of pocket form"})
    term = GlossaryTerm.objects.get(locale__language_code="en", term="Expense claim")

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
    assert demo_page("guide", "expense-claims", "en").url in [
        a["href"] for a in html.select(".search-result__title a")
    ]


@pytest.mark.django_db
def test_promoting_a_search_opens_its_promotions_and_members_see_the_pick(client, staff_client):
    response = staff_client.post("/admin/reports/searches/promote/", {"query": "Tax forms"})

    query = Query.objects.get(query_string="tax forms")
    assert response["Location"] == f"/admin/searchpicks/{query.pk}/"
    guide = demo_page("guide", "activity-budget", "fr")
    SearchPromotion.objects.create(query=query, page=guide, sort_order=0, description="Start here")
    html = BeautifulSoup(client.get("/nl/search/", {"q": "tax forms"}).content, "html.parser")
    picks = html.select(".promotions a")
    assert [a["href"] for a in picks] == [demo_page("guide", "activity-budget", "nl").url]


@pytest.mark.django_db
def test_people_without_the_report_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x-long-password-2")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    term = GlossaryTerm.objects.first()
    report = client.get(REPORT)
    assert (report.status_code, report["Location"]) == (302, "/admin/")
    response = client.post("/admin/reports/searches/add-variant/", {"query": "x", "term": term.pk})
    assert response.status_code in {302, 403}
    term.refresh_from_db()
    assert "x" not in term.variant_list


ADD_VARIANT = "/admin/reports/searches/add-variant/"


@pytest.mark.django_db
def test_a_search_made_in_dutch_cannot_become_a_wording_of_a_french_term(client, staff_client):
    client.get("/nl/search/", {"q": "onkostennota formulier"})
    term = GlossaryTerm.objects.get(locale__language_code="fr", term="Note de frais")

    response = staff_client.post(ADD_VARIANT, {"query": "onkostennota formulier", "term": term.pk})

    assert response.status_code == 302
    term.refresh_from_db()
    assert "onkostennota formulier" not in term.variant_list


@pytest.mark.django_db
def test_adding_a_variant_never_sends_the_editor_to_another_site(client, staff_client):
    client.get("/en/search/", {"q": "out of pocket form"})
    term = GlossaryTerm.objects.get(locale__language_code="en", term="Expense claim")

    response = staff_client.post(
        ADD_VARIANT,
        {"query": "out of pocket form", "term": term.pk, "next": "https://elsewhere.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == REPORT


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["abc", "١٢", "", "99999999"])
def test_a_term_that_is_not_one_gets_a_404(staff_client, term):
    response = staff_client.post(ADD_VARIANT, {"query": "x", "term": term}, follow=True)

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_dutch_translator_cannot_add_a_wording_to_a_french_term(client, django_user_model):
    client.get("/fr/search/", {"q": "formulaire de frais"})
    translator = django_user_model.objects.create_user("vertaler")
    translator.groups.add(Group.objects.get(name=TRANSLATORS["nl"]))
    translator.user_permissions.add(Permission.objects.get(codename="view_searchquerylog"))
    client.force_login(translator)
    term = GlossaryTerm.objects.get(locale__language_code="fr", term="Note de frais")

    client.post(ADD_VARIANT, {"query": "formulaire de frais", "term": term.pk})

    term.refresh_from_db()
    assert "formulaire de frais" not in term.variant_list
