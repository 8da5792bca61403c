"""The search page: one box over pages, glossary terms and other websites, in each language."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import translation

from search.models import ExternalResource
from search.service import PortalSearch
from tests.factories import GlossaryTermFactory, GuidePageFactory, step
from tests.pages import demo_page

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="language-aware matching needs PostgreSQL"
)


def search(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_links(html):
    return [a["href"] for a in html.select(".search-result__title a")]


def add_guide(path_key, language, title, text, slug):
    guide = GuidePageFactory(
        parent=demo_page("path", path_key, language),
        title=title,
        slug=slug,
        summary=text,
        steps=[step("Lire", f"<p>{text}</p>")],
    )
    guide.save_revision().publish()
    return guide


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
    html = search(client, language, query)

    urls = result_links(html)
    assert demo_page("guide", guide_key, language).url in urls
    assert all(url.startswith(f"/{language}/") or url.startswith("http") for url in urls)


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("fr", "Choisir une formation continue", "formations"),
        ("fr", "Les règles du remboursement", "regles"),
        ("nl", "Uw factuur controleren", "facturen"),
        ("en", "Checking your invoices", "invoice"),
    ],
)
def test_words_match_across_plurals_and_accents_in_each_language(client, language, text, query):
    guide = add_guide("basic", language, text, text, "language-aware-match")

    assert guide.url in result_links(search(client, language, query))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "spelling", "guide_key"),
    [
        ("fr", "factrue", "facture", "invoicing-a-client"),
        # Words of guide summaries count too: no title says 'assurances' or 'verzekeringen'.
        ("fr", "asurance", "assurances", "insurance"),
        ("nl", "verzekring", "verzekering", "insurance"),
    ],
)
def test_a_misspelt_query_searches_the_close_spelling_instead(
    client, language, query, spelling, guide_key
):
    html = search(client, language, query)

    notice = html.select_one(".search-notice").get_text()
    assert spelling in notice
    assert demo_page("guide", guide_key, language).url in result_links(html)


@pytest.mark.django_db
def test_nothing_in_the_readers_language_shows_other_languages_labelled(client):
    guide = add_guide(
        "expert", "en", "Touring as a xylophonist", "Xylophonist on tour.", "xylophonist"
    )

    html = search(client, "fr", "xylophonist")

    assert result_links(html) == [guide.url]
    item = html.select_one(".search-result")
    assert item["lang"] == "en"
    assert item.select_one(".search-result__language").get_text(strip=True) == "English"
    assert html.select_one(".search-notice") is not None


@pytest.mark.django_db
def test_a_glossary_variant_finds_pages_using_the_plain_words_and_shows_the_definition(
    client, locales
):
    GlossaryTermFactory(
        locale=locales["fr"],
        term="Zorblax partagé",
        variants="ZBX",
        definition="Un outil commun à tous les membres.",
    )
    guide = add_guide(
        "basic",
        "fr",
        "Réserver le zorblax partagé",
        "Comment réserver le zorblax partagé pour une journée.",
        "zorblax",
    )

    html = search(client, "fr", "ZBX")

    assert guide.url in result_links(html)
    definition = html.select_one("aside.callout")
    assert "Un outil commun à tous les membres." in definition.get_text()


@pytest.mark.django_db
def test_the_plain_words_find_pages_using_the_abbreviation(client, locales):
    GlossaryTermFactory(
        locale=locales["en"],
        term="Quibble agreement",
        variants="QBA",
        definition="A contract for quibbles.",
    )
    guide = add_guide("basic", "en", "Signing a QBA", "Sign the QBA before work starts.", "qba")

    assert guide.url in result_links(search(client, "en", "quibble agreement"))


@pytest.mark.django_db
def test_glossary_terms_are_results_linking_to_their_entry(client):
    html = search(client, "nl", "onkostennota")

    glossary = demo_page("glossary", "glossary", "nl")
    assert any(url.startswith(glossary.url + "#term-") for url in result_links(html))


@pytest.mark.django_db
def test_pages_of_other_websites_are_found_and_labelled_with_their_source(client):
    html = search(client, "en", "receipts")

    resource = ExternalResource.objects.get(url__endswith="/en/photograph-your-receipts")
    assert resource.url in result_links(html)
    item = next(li for li in html.select(".search-result") if li.find("a", href=resource.url))
    assert item.select_one(".search-result__source").get_text(strip=True) == "Blog Smart"


@pytest.mark.django_db
def test_results_show_type_level_breadcrumb_and_highlighted_excerpt(client):
    html = search(client, "en", "expense")

    guide = demo_page("guide", "expense-claims", "en")
    item = next(li for li in html.select(".search-result") if li.find("a", href=guide.url))
    assert item.select_one(".search-result__type").get_text(strip=True) == "Guide"
    assert item.select_one(".level-badge").get_text(strip=True) == "Smart Basic"
    assert "Smart Basic" in item.select_one(".search-result__breadcrumbs").get_text()
    assert "expense" in item.select_one("mark").get_text().lower()


@pytest.mark.django_db
def test_filters_narrow_results_and_show_counts(client):
    everything = search(client, "fr", "facture")
    guides = search(client, "fr", "facture", type="guide")
    basic = search(client, "fr", "facture", type="guide", level="basic")

    type_links = {a.get_text(" ", strip=True) for a in everything.select("#facet-type ~ ul a")}
    assert any(label.startswith("Guide (") for label in type_links)
    assert {
        li.select_one(".search-result__type").get_text(strip=True)
        for li in guides.select(".search-result")
    } == {"Guide"}
    assert {
        li.select_one(".level-badge").get_text(strip=True) for li in basic.select(".search-result")
    } == {"Smart Basic"}
    assert 0 < len(basic.select(".search-result")) < len(everything.select(".search-result")) + 1


@pytest.mark.django_db
def test_unknown_filters_and_bad_page_numbers_still_answer(client):
    html = search(client, "en", "expense", type="nonsense", level="???", page="abc")
    assert result_links(html)
    html = search(client, "en", "expense", page="9999")
    assert result_links(html)


@pytest.mark.django_db
def test_search_without_results_says_so(client):
    html = search(client, "en", "zzqxjvv")

    assert result_links(html) == []
    assert "0 results" in html.find(attrs={"role": "status"}).get_text()


@pytest.mark.django_db
def test_query_is_never_reflected_unescaped(client):
    payload = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
    html = search(client, "en", payload)

    assert html.find("script", string='alert("x")') is None
    assert html.find("img", onerror=True) is None
    assert html.find("input", attrs={"name": "q"})["value"] == payload


@pytest.mark.django_db
def test_suggestions_start_at_the_second_character(client):
    assert client.get("/en/search/suggest/", {"q": "e"}).json()["suggestions"] == []

    response = client.get("/en/search/suggest/", {"q": "expe"})

    titles = [item["title"] for item in response.json()["suggestions"]]
    assert demo_page("guide", "expense-claims", "en").title in titles
    assert all(item["url"].startswith("/en/") for item in response.json()["suggestions"])


@pytest.mark.django_db
def test_suggestions_include_glossary_terms_of_the_language(client):
    suggestions = client.get("/nl/search/suggest/", {"q": "onkost"}).json()["suggestions"]

    glossary = demo_page("glossary", "glossary", "nl")
    assert any(item["url"].startswith(glossary.url + "#") for item in suggestions)


@pytest.mark.django_db
def test_an_overlong_suggestion_query_is_refused_with_a_message(client):
    response = client.get("/en/search/suggest/", {"q": "x" * 500})

    assert response.status_code == 400
    assert "too long" in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_faq_questions_are_found_and_link_to_their_anchor(client, language):
    from guides.models import FAQPage, FAQQuestion

    question = FAQQuestion.objects.filter(locale__language_code=language).first()
    faq = FAQPage.objects.live().get(locale__language_code=language)
    html = search(client, language, question.question)

    assert f"{faq.url}#{question.anchor}" in result_links(html)


@pytest.mark.django_db
def test_the_path_a_member_chose_comes_first_at_equal_relevance(rf):
    def first_ranks(preferred_level):
        with translation.override("en"):
            results = PortalSearch(rf.get("/"), "activity", "en", preferred_level).run().results
        ranks = {}
        for rank, result in enumerate(results):
            if result.level:
                ranks.setdefault(result.level, rank)
        return ranks

    without = first_ranks(None)
    with_choice = {level: first_ranks(level)[level] for level in without}

    assert all(with_choice[level] <= without[level] for level in without)
    assert any(with_choice[level] < without[level] for level in without)


@pytest.mark.django_db
def test_the_chosen_path_reaches_the_search_page_through_its_cookie(client):
    def levels(html):
        return [badge["class"][-1] for badge in html.select(".search-result .level-badge")]

    without = levels(search(client, "en", "activity"))
    chosen = next(
        level
        for level in ["facile", "basic", "expert"]
        if f"level-badge--{level}" in without and without[0] != f"level-badge--{level}"
    )
    client.cookies["smart_path"] = chosen
    with_choice = levels(search(client, "en", "activity"))

    badge = f"level-badge--{chosen}"
    assert with_choice.index(badge) < without.index(badge)
