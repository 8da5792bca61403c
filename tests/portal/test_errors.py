"""Unknown addresses and bad input get a clear page in the reader's language, never a 500."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from search.views import RESULTS_PER_PAGE
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.translations.factories import translate


@pytest.fixture(scope="module")
def site(shared_data):
    """The home page of each language, and an English news listing with one item."""
    with shared_data():
        tree = build_site_tree()
        french_index = NewsIndexPageFactory(parent=tree.home["fr"])
        NewsPageFactory(parent=french_index, title="Le portail des membres est en ligne")
        tree.english_news = translate(french_index, "en")
        yield tree


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_unknown_page_gives_a_404_in_the_language_of_the_url(client, site, language):
    response = client.get(f"/{language}/this/does-not-exist/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    with translation.override(language):
        expected_title = translation.gettext("We can't find this page")
    assert html.find("h1").get_text(strip=True) == expected_title
    if language != "en":
        assert expected_title != "We can't find this page"
    # The switcher leads to the home page of each other language.
    switcher = html.find("nav", class_="language-switcher")
    assert (
        {a["href"] for a in switcher.find_all("a")}
        == {site.home[code].url for code in {"fr", "nl", "en"} - {language}}
        == {f"/{code}/" for code in {"fr", "nl", "en"} - {language}}
    )


@pytest.mark.django_db
def test_address_without_language_is_redirected_then_not_found(client, site):
    response = client.get("/no-such-page/", follow=True)

    assert response.redirect_chain[0][0] == "/fr/no-such-page/"
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?tag=no-such-tag", "?page=999", "?page=abc", "?page=-1"])
def test_bad_news_listing_parameters_give_404(client, site, query):
    news_index = site.english_news
    assert client.get(news_index.url).status_code == 200

    assert client.get(news_index.url + query).status_code == 404


@pytest.mark.django_db
def test_search_rejects_an_overlong_query_with_a_message(client):
    response = client.get("/en/search/", {"q": "x" * 201})

    assert response.status_code == 400
    assert b"Your search is too long" in response.content


@pytest.mark.django_db
def test_search_with_a_bad_page_number_shows_the_nearest_page(client, site):
    path = PathPageFactory(parent=site.home["fr"])
    for number in range(RESULTS_PER_PAGE + 2):
        GuidePageFactory(parent=path, title=f"Envoyer une facture ({number})")

    response = client.get("/fr/search/", {"q": "facture", "page": "9999"})

    assert response.status_code == 200
    # The last page: two results after the first ten.
    results = BeautifulSoup(response.content, "html.parser").select("li.search-result")
    assert len(results) == 2
    assert response.context["results"].number == 2
