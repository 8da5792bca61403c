"""The search page finds pages and glossary terms in the reader's language."""

import pytest
from bs4 import BeautifulSoup

from tests.pages import demo_page


def results(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html, [a["href"] for a in html.select(".search-result__title a")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "guide_key"),
    [
        ("fr", "frais", "expense-claims"),
        ("nl", "onkosten", "expense-claims"),
        ("en", "expense", "expense-claims"),
    ],
)
def test_search_finds_a_guide_in_the_readers_language_only(client, language, query, guide_key):
    html, urls = results(client, language, query)

    assert demo_page("guide", guide_key, language).url in urls
    assert all(url.startswith(f"/{language}/") for url in urls)


@pytest.mark.django_db
def test_search_without_results_says_so(client):
    html, urls = results(client, "en", "zzqxj")

    assert urls == []
    assert "0 results" in html.find(attrs={"role": "status"}).get_text()


@pytest.mark.django_db
def test_empty_search_shows_the_form(client):
    html, urls = results(client, "nl", "")

    assert urls == []
    assert html.find("input", attrs={"name": "q"}) is not None
