"""Whatever a member types, search answers with results or a clear message, never a 500.

The queries run over real content, built once for the module: a guide and a glossary entry in
French, Dutch and English, whose words (accents, apostrophes, the glossary's variants) the
queries meet, so results, excerpts and suggestions are built from hostile input too.
"""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import PathPageFactory
from tests.home.factories import build_site_tree
from tests.search.factories import guide_in_every_language, in_every_language

NASTY = st.sampled_from(
    [
        "",
        " ",
        "&",
        "|",
        "!",
        ":",
        "*",
        "(",
        ")",
        "'",
        '"',
        "\\",
        "%",
        "_",
        "--",
        ";",
        "' OR 1=1 --",
        "{{ 7*7 }}",
        "{% debug %}",
        "<b>",
        "\x00",
        "\x1f",
        "é",
        "ß",
        "😀",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(NASTY, max_size=8).map("".join),
    st.text(min_size=190, max_size=5000),
)

hypothesis_settings = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        path = PathPageFactory(parent=tree.home["fr"])
        in_every_language(path)
        guide_in_every_language(
            path,
            fr={
                "title": "Déclarer vos frais d'activité",
                "summary": "Une dépense payée pour votre activité ? Introduisez-la en note de "
                "frais : 100 % remboursée si votre budget le permet.",
                "step": "Gardez l'original",
                "body": "Le ticket, la facture « au nom de la coopérative » & la preuve de "
                "paiement.",
            },
            nl={
                "title": "Uw onkosten indienen",
                "summary": "Een uitgave voor uw activiteit? Dien een onkostennota in: 100 % "
                "terugbetaald als uw budget het toelaat.",
                "step": "Bewaar het origineel",
                "body": "Het kasticket, de factuur „op naam van de coöperatie” & het betaalbewijs.",
            },
            en={
                "title": "Claiming your expenses",
                "summary": "Paid for something for your activity? Claim it: 100 % repaid if "
                "your budget allows.",
                "step": "Keep the original",
                "body": "The receipt, the invoice “in the cooperative's name” & the proof.",
            },
        )
        in_every_language(
            GlossaryTermFactory(
                term="Note de frais",
                variants="NDF\nnotes de frais",
                definition="Une demande de remboursement d'une dépense.",
            ),
            nl={"Note de frais": "Onkostennota"},
            en={"Note de frais": "Expense claim"},
        )
        yield


@pytest.mark.django_db
@hypothesis_settings
@given(query=QUERIES, page=st.one_of(st.none(), st.text(max_size=6)), kind=st.text(max_size=8))
def test_search_page_never_fails(client, content, query, page, kind):
    params = {"q": query, "type": kind}
    if page is not None:
        params["page"] = page
    response = client.get("/fr/search/", params)

    assert response.status_code in {200, 400}
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("script", src=False, string=lambda text: text and "7*7" in text) is None
    if response.status_code == 400:
        # Refused with words a person can read: the search form's message, or the error page.
        assert html.select_one(".form-error") or html.find("h1")


@pytest.mark.django_db
@hypothesis_settings
@given(query=QUERIES)
def test_suggest_endpoint_never_fails(client, content, query):
    response = client.get("/nl/search/suggest/", {"q": query})

    assert response.status_code in {200, 400}
    if response["Content-Type"].startswith("application/json"):
        body = response.json()
        assert "suggestions" in body or "error" in body
    else:
        assert response.status_code == 400 and response.content.strip()
