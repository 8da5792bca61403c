"""What a result reads like, and where a search that finds nothing leads.

The excerpt is cut from the text the search index keeps, which joins a page's parts (its steps,
its 'what you need' items) with commas: it must read as sentences, not 'contract., You'.
"""

import pytest
from bs4 import BeautifulSoup

from search.results import mend_joins
from tests.guides.factories import GuidePageFactory, PathPageFactory, need, step
from tests.home.factories import build_site_tree
from tests.navigation.factories import SiteNavigationFactory, menu_link
from tests.offices.factories import ContactPageFactory


@pytest.fixture(scope="module")
def guide(shared_data):
    with shared_data():
        home = build_site_tree().home["fr"]
        path = PathPageFactory(parent=home)
        contact = ContactPageFactory(parent=home)
        SiteNavigationFactory(contact_page=contact, links=[menu_link(path, "Smart Basic")])
        yield GuidePageFactory(
            parent=path,
            title="Déclarer une prestation",
            summary="Ce guide explique la déclaration.",
            before_you_start=[need("Votre inscription validée"), need("Le nom du client")],
            steps=[
                step(
                    "Ouvrez votre espace membre",
                    "<p>Vous y trouvez le formulaire de prestation.</p>",
                ),
                step("Vérifiez la prestation.", "<p>Relisez les dates de la prestation.</p>"),
            ],
        )


def search(client, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_an_excerpt_reads_as_sentences_across_the_parts_of_a_guide(client, guide):
    html = search(client, "prestation formulaire")

    excerpt = html.select_one(".search-result__excerpt").get_text()
    assert "Ouvrez votre espace membre. Vous y trouvez" in excerpt
    assert ".," not in excerpt
    assert "validée, Le nom" not in excerpt


def test_mending_joins_drops_only_the_commas_after_a_sentence():
    assert mend_joins("Fait., Ensuite, Smart paie?, Oui") == "Fait. Ensuite, Smart paie? Oui"


@pytest.mark.django_db
def test_a_search_that_finds_nothing_offers_the_sections_and_whom_to_ask(client, guide):
    html = search(client, "zqxwvkj")

    assert not html.select(".search-result")
    links = {a.get_text(strip=True): a["href"] for a in html.select(".ways-forward a")}
    assert links["Smart Basic"] == guide.get_parent().url
    assert any(href.endswith("/contact/") for href in links.values())
