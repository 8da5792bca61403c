"""The page-not-found page leads on: the page a mistyped address meant, the search with the
address's words, the main sections and whom to contact."""

import pytest
from bs4 import BeautifulSoup

from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate


@pytest.fixture(scope="module")
def site(shared_data):
    """A guide 'first contract' under Smart Facile, in French and Dutch."""
    with shared_data():
        tree = build_site_tree()
        path = PathPageFactory(parent=tree.home["fr"], title="Smart Facile", slug="smart-facile")
        tree.first_contract = {
            "fr": GuidePageFactory(
                parent=path, title="Créer votre premier contrat", slug="premier-contrat"
            )
        }
        translate(path, "nl")
        tree.first_contract["nl"] = translate(
            tree.first_contract["fr"],
            "nl",
            strings={"Créer votre premier contrat": "Uw eerste contract maken"},
        )
        yield tree


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_mistyped_address_suggests_the_page_it_meant_and_ways_forward(client, site, language):
    guide = site.first_contract[language]
    mistyped = guide.url.rstrip("/")[:-2] + "/"

    response = client.get(mistyped)

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    suggested = [a["href"] for a in html.select("#similar-title ~ ul a")]
    assert suggested[0] == guide.url
    # The words of the address are ready in the search box, and the sections are offered.
    assert html.select_one("#notfound-search-q")["value"]
    assert html.select_one("#header-search-q")["value"] == ""
    assert html.select(".ways-forward a")


@pytest.mark.django_db
def test_an_address_with_no_words_still_offers_ways_forward(client, site):
    response = client.get("/nl/1234/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert not html.select("#similar-title")
    assert html.select(".ways-forward a")


@pytest.mark.django_db
def test_an_address_that_moved_suggests_the_page_holding_its_words(client, site):
    response = client.get("/fr/premier-contrat/")

    html = BeautifulSoup(response.content, "html.parser")
    assert [a["href"] for a in html.select("#similar-title ~ ul a")] == [
        site.first_contract["fr"].url
    ]


@pytest.mark.django_db
def test_an_address_like_no_page_gets_no_suggestion_rather_than_noise(client, site):
    response = client.get("/fr/aucune-page-ne-porte-ce-nom/")

    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 404
    assert not html.select("#similar-title")
    assert html.select(".ways-forward a")
