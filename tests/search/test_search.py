"""The search page: one box over pages, glossary terms and other websites, in each language.

The content searched is built once for the module: the three paths in French, Dutch and English
with a few guides each, a glossary, an FAQ, a news item and pages of the blog, all made in French
and translated through wagtail-localize. Tests that need more add it themselves.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import translation

from search.service import PortalSearch
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import (
    FAQPageFactory,
    FAQQuestionFactory,
    FAQThemeFactory,
    GuidePageFactory,
    step,
)
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.search.factories import (
    ExternalResourceFactory,
    guide_in_every_language,
    in_every_language,
    paths_in_every_language,
)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="language-aware matching needs PostgreSQL"
)
LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="module")
def content(shared_data):
    """What members search in the module's tests, by name then language."""
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        basic, expert = paths["basic"]["fr"], paths["expert"]["fr"]
        expense_claims = guide_in_every_language(
            basic,
            fr={
                "title": "Déclarer vos frais professionnels",
                "summary": "Vous avez payé un achat pour votre activité ? Introduisez-le en note "
                "de frais pour être remboursé depuis votre budget d'activité.",
                "step": "Gardez un justificatif",
                "body": "Chaque dépense doit être prouvée par une facture ou un ticket.",
            },
            nl={
                "title": "Uw onkosten indienen",
                "summary": "Hebt u iets betaald voor uw activiteit? Dien een onkostennota in om "
                "het bedrag terug te krijgen uit uw activiteitenbudget.",
                "step": "Bewaar een bewijsstuk",
                "body": "Elke uitgave moet bewezen worden met een factuur of een kasticket.",
            },
            en={
                "title": "Claiming your business expenses",
                "summary": "Paid for something for your activity? Claim it as an expense to be "
                "repaid from your activity budget.",
                "step": "Keep a proof",
                "body": "Every expense must be proven by an invoice or a till slip.",
            },
        )
        invoicing = guide_in_every_language(
            basic,
            fr={
                "title": "Facturer un client",
                "summary": "La coopérative facture votre client en son nom et vous verse un "
                "salaire. Voici comment préparer une facture correcte.",
                "step": "Créez la facture",
                "body": "Dans votre espace membre, encodez le montant et les jours de travail.",
            },
            nl={
                "title": "Een klant factureren",
                "summary": "De coöperatie factureert uw klant in haar naam en betaalt u een "
                "loon. Zo maakt u een correcte factuur.",
                "step": "Maak de factuur",
                "body": "Vul in uw ledenruimte het bedrag en de werkdagen in.",
            },
            en={
                "title": "Invoicing a client",
                "summary": "The cooperative invoices your client in its name and pays you a "
                "wage. Here is how to prepare a correct invoice.",
                "step": "Create the invoice",
                "body": "In your member space, enter the amount and the days worked.",
            },
        )
        insurance = guide_in_every_language(
            basic,
            # No title says 'assurances' or 'verzekering': only the summaries do.
            fr={
                "title": "Savoir comment vous êtes assuré",
                "summary": "Quand vous travaillez sous contrat, les assurances de la "
                "coopérative vous couvrent.",
                "step": "Déclarez votre travail",
                "body": "Encodez vos jours de travail avant de commencer.",
            },
            nl={
                "title": "Weten hoe u gedekt bent",
                "summary": "Als u onder contract werkt, dekt de verzekering van de coöperatie u.",
                "step": "Geef uw werk aan",
                "body": "Vul uw werkdagen in voor u begint.",
            },
            en={
                "title": "Knowing how you are covered",
                "summary": "When you work under contract, the cooperative's insurance covers you.",
                "step": "Declare your work",
                "body": "Enter your working days before you start.",
            },
        )
        copyright_invoicing = guide_in_every_language(
            expert,
            fr={
                "title": "Céder vos droits d'auteur",
                "summary": "Une convention de droits d'auteur s'ajoute à votre facture quand "
                "votre client utilise votre œuvre.",
                "step": "Préparez la convention",
                "body": "Indiquez ce que le client peut faire de l'œuvre.",
            },
            nl={
                "title": "Uw auteursrechten overdragen",
                "summary": "Een auteursrechtenovereenkomst komt bij uw factuur als uw klant uw "
                "werk gebruikt.",
                "step": "Bereid de overeenkomst voor",
                "body": "Geef aan wat de klant met het werk mag doen.",
            },
            en={
                "title": "Assigning your copyright",
                "summary": "A copyright agreement comes with your invoice when your client uses "
                "your work.",
                "step": "Prepare the agreement",
                "body": "Say what the client may do with the work.",
            },
        )
        # A French page naming the other languages' words: their readers must not be sent to it,
        # nor French readers to its translations, which keep the French words.
        foreign_words = guide_in_every_language(
            basic,
            fr={
                "title": "Travailler avec un client étranger",
                "summary": "Un client néerlandophone parle d'onkosten, un client anglophone "
                "d'expenses : ce sont vos frais, remboursés de la même façon.",
                "step": "Traduisez vos documents",
                "body": "Joignez une traduction de vos tickets si le client la demande.",
            },
            nl={},
            en={},
        )

        glossary = in_every_language(
            GlossaryPageFactory(parent=tree.home["fr"]),
            nl={"Lexique": "Woordenlijst"},
            en={"Lexique": "Glossary"},
        )
        expense_term = in_every_language(
            GlossaryTermFactory(
                term="Note de frais",
                variants="notes de frais",
                definition="Une demande de remboursement d'une dépense payée pour votre activité.",
            ),
            nl={
                "Note de frais": "Onkostennota",
                "notes de frais": "onkostennota's",
                "Une demande de remboursement d'une dépense payée pour votre activité.": (
                    "Een aanvraag om een uitgave voor uw activiteit terug te krijgen."
                ),
            },
            en={
                "Note de frais": "Expense claim",
                "notes de frais": "expense claims",
                "Une demande de remboursement d'une dépense payée pour votre activité.": (
                    "A request to be repaid an expense paid for your activity."
                ),
            },
        )

        faq = in_every_language(
            FAQPageFactory(parent=tree.home["fr"]),
            nl={"Questions fréquentes": "Veelgestelde vragen"},
            en={"Questions fréquentes": "Frequently asked questions"},
        )
        theme = FAQThemeFactory(name="Être payé")
        in_every_language(
            theme, nl={"Être payé": "Betaald worden"}, en={"Être payé": "Getting paid"}
        )
        salary = FAQQuestionFactory(
            theme=theme,
            question="Quand mon salaire est-il versé ?",
            answer="<p>Le 10 du mois qui suit votre prestation.</p>",
        )
        question = in_every_language(
            salary,
            nl={
                "Quand mon salaire est-il versé ?": "Wanneer wordt mijn loon gestort?",
                "Le 10 du mois qui suit votre prestation.": "Op de 10e van de maand na uw werk.",
            },
            en={
                "Quand mon salaire est-il versé ?": "When is my salary paid?",
                "Le 10 du mois qui suit votre prestation.": "On the 10th of the month after.",
            },
        )

        news = NewsIndexPageFactory(parent=tree.home["fr"])
        NewsPageFactory(
            parent=news,
            title="Un nouvel outil pour vos factures",
            summary="Créer une facture prend désormais deux minutes.",
        )
        ExternalResourceFactory(title="Bien préparer sa première facture")
        receipts = ExternalResourceFactory(
            locale=paths["basic"]["en"].locale,
            title="Photograph your receipts",
            url="https://blog.smart.example/en/photograph-your-receipts",
            summary="Keep every receipt readable: a photo the day you pay.",
            source_site="Blog Smart",
        )

        # Guides about an activity in each path, for the path a member chose.
        activity = {
            level: GuidePageFactory(
                parent=paths[level]["en"],
                title=title,
                summary=summary,
                steps=[step("Plan", f"<p>{summary}</p>")],
            )
            for level, title, summary in [
                ("facile", "Starting your activity", "Your first steps to start an activity."),
                ("basic", "Budgeting your activity", "Follow the budget of your activity."),
                ("expert", "Growing your activity", "Hiring and investing as your activity grows."),
            ]
        }
        yield {
            "tree": tree,
            "paths": paths,
            "expense claims": expense_claims,
            "invoicing": invoicing,
            "insurance": insurance,
            "copyright invoicing": copyright_invoicing,
            "foreign words": foreign_words,
            "glossary": glossary,
            "expense term": expense_term,
            "faq": faq,
            "question": question,
            "receipts": receipts,
            "activity": activity,
        }


def search(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_links(html):
    return [a["href"] for a in html.select(".search-result__title a")]


def add_guide(content, level, language, title, text, slug):
    return GuidePageFactory(
        parent=content["paths"][level][language],
        title=title,
        slug=slug,
        summary=text,
        steps=[step("Lire", f"<p>{text}</p>")],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query"), [("fr", "frais"), ("nl", "onkosten"), ("en", "expense")]
)
def test_search_finds_a_guide_in_the_readers_language_only(client, content, language, query):
    html = search(client, language, query)

    urls = result_links(html)
    assert content["expense claims"][language].url in urls
    assert content["foreign words"][language].url in urls
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
def test_words_match_across_plurals_and_accents_in_each_language(
    client, content, language, text, query
):
    guide = add_guide(content, "basic", language, text, text, "language-aware-match")

    assert guide.url in result_links(search(client, language, query))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "spelling", "guide"),
    [
        ("fr", "factrue", "facture", "invoicing"),
        # Words of guide summaries count too: no title says 'assurances' or 'verzekering'. The
        # dictionary's 'assurance' is closer to the typo than the summary's 'assurances'.
        ("fr", "asurance", "assurance", "insurance"),
        ("nl", "verzekring", "verzekering", "insurance"),
    ],
)
def test_a_misspelt_query_searches_the_close_spelling_instead(
    client, content, language, query, spelling, guide
):
    html = search(client, language, query)

    notice = html.select_one(".search-notice").get_text()
    assert spelling in notice
    assert content[guide][language].url in result_links(html)


@pytest.mark.django_db
def test_nothing_in_the_readers_language_shows_other_languages_labelled(client, content):
    guide = add_guide(
        content, "expert", "en", "Touring as a xylophonist", "Xylophonist on tour.", "xylophonist"
    )

    html = search(client, "fr", "xylophonist")

    assert result_links(html) == [guide.url]
    item = html.select_one(".search-result")
    assert item["lang"] == "en"
    assert item.select_one(".search-result__language").get_text(strip=True) == "English"
    assert html.select_one(".search-notice") is not None


@pytest.mark.django_db
def test_a_glossary_variant_finds_pages_using_the_plain_words_and_shows_the_definition(
    client, content, locales
):
    GlossaryTermFactory(
        locale=locales["fr"],
        term="Zorblax partagé",
        variants="ZBX",
        definition="Un outil commun à tous les membres.",
    )
    guide = add_guide(
        content,
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
def test_the_plain_words_find_pages_using_the_abbreviation(client, content, locales):
    GlossaryTermFactory(
        locale=locales["en"],
        term="Quibble agreement",
        variants="QBA",
        definition="A contract for quibbles.",
    )
    guide = add_guide(
        content, "basic", "en", "Signing a QBA", "Sign the QBA before work starts.", "qba"
    )

    assert guide.url in result_links(search(client, "en", "quibble agreement"))


@pytest.mark.django_db
def test_glossary_terms_are_results_linking_to_their_entry(client, content):
    html = search(client, "nl", "onkostennota")

    term = content["expense term"]["nl"]
    assert f"{content['glossary']['nl'].url}#{term.anchor}" in result_links(html)


@pytest.mark.django_db
def test_pages_of_other_websites_are_found_and_labelled_with_their_source(client, content):
    html = search(client, "en", "receipts")

    resource = content["receipts"]
    assert resource.url in result_links(html)
    item = next(li for li in html.select(".search-result") if li.find("a", href=resource.url))
    assert item.select_one(".search-result__source").get_text(strip=True) == "Blog Smart"


@pytest.mark.django_db
def test_results_show_type_level_breadcrumb_and_highlighted_excerpt(client, content):
    html = search(client, "en", "expense")

    guide = content["expense claims"]["en"]
    item = next(li for li in html.select(".search-result") if li.find("a", href=guide.url))
    assert item.select_one(".search-result__type").get_text(strip=True) == "Guide"
    assert item.select_one(".level-badge").get_text(strip=True) == "Smart Basic"
    # The badge names the path: the breadcrumb doesn't again (the guide sits right under it).
    assert item.select_one(".search-result__breadcrumbs") is None
    assert "expense" in item.select_one("mark").get_text().lower()


@pytest.mark.django_db
def test_filters_narrow_results_and_show_counts(client, content):
    everything = search(client, "fr", "facture")
    guides = search(client, "fr", "facture", type="guide")
    basic = search(client, "fr", "facture", type="guide", level="basic")

    type_links = {a.get_text(" ", strip=True) for a in everything.select("#facet-type ~ ul a")}
    assert any(label.startswith("Guide (") for label in type_links)
    # The page speaks French: news items and the blog's pages are counted under their own type.
    assert {"Actualités (1)", "Autre site (1)"} <= type_links
    assert {
        li.select_one(".search-result__type").get_text(strip=True)
        for li in guides.select(".search-result")
    } == {"Guide"}
    assert {
        li.select_one(".level-badge").get_text(strip=True) for li in basic.select(".search-result")
    } == {"Smart Basic"}
    assert content["copyright invoicing"]["fr"].url in result_links(guides)
    assert content["copyright invoicing"]["fr"].url not in result_links(basic)
    assert 0 < len(basic.select(".search-result")) < len(everything.select(".search-result")) + 1


@pytest.mark.django_db
def test_unknown_filters_and_bad_page_numbers_still_answer(client, content):
    html = search(client, "en", "expense", type="nonsense", level="???", page="abc")
    assert result_links(html)
    html = search(client, "en", "expense", page="9999")
    assert result_links(html)


@pytest.mark.django_db
def test_search_without_results_says_so(client, content):
    html = search(client, "en", "zzqxjvv")

    assert result_links(html) == []
    assert "0 results" in html.find(attrs={"role": "status"}).get_text()


@pytest.mark.django_db
def test_query_is_never_reflected_unescaped(client, content):
    payload = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
    html = search(client, "en", payload)

    assert html.find("script", string='alert("x")') is None
    assert html.find("img", onerror=True) is None
    assert html.find("input", attrs={"name": "q"})["value"] == payload


@pytest.mark.django_db
def test_suggestions_start_at_the_second_character(client, content):
    assert client.get("/en/search/suggest/", {"q": "e"}).json()["suggestions"] == []

    response = client.get("/en/search/suggest/", {"q": "expe"})

    titles = [item["title"] for item in response.json()["suggestions"]]
    assert content["expense claims"]["en"].title in titles
    assert all(item["url"].startswith("/en/") for item in response.json()["suggestions"])


@pytest.mark.django_db
def test_suggestions_include_glossary_terms_of_the_language(client, content):
    suggestions = client.get("/nl/search/suggest/", {"q": "onkost"}).json()["suggestions"]

    glossary = content["glossary"]["nl"]
    assert {"title": "Onkostennota", "url": f"{glossary.url}#term-onkostennota"} in [
        {"title": item["title"], "url": item["url"]} for item in suggestions
    ]


@pytest.mark.django_db
def test_an_overlong_suggestion_query_is_refused_with_a_message(client, content):
    response = client.get("/en/search/suggest/", {"q": "x" * 500})

    assert response.status_code == 400
    assert "too long" in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_questions_are_found_and_link_to_their_anchor(client, content, language):
    question = content["question"][language]
    faq = content["faq"][language]
    html = search(client, language, question.question)

    assert f"{faq.url}#{question.anchor}" in result_links(html)


@pytest.mark.django_db
def test_the_path_a_member_chose_comes_first_at_equal_relevance(rf, content):
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

    assert set(without) == {"facile", "basic", "expert"}
    assert all(with_choice[level] <= without[level] for level in without)
    assert any(with_choice[level] < without[level] for level in without)


@pytest.mark.django_db
def test_the_chosen_path_reaches_the_search_page_through_its_cookie(client, content):
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


@pytest.mark.django_db
def test_a_word_typed_in_another_language_leads_to_the_readers_own_translation(client, content):
    # "onkostennota" is only in the Dutch pages; the French reader gets their French versions.
    html = search(client, "fr", "onkostennota")

    assert content["expense claims"]["fr"].url in result_links(html)[:3]
    assert not html.select_one(".search-result").has_attr("lang")
    assert html.select(".search-result__language") == []
    assert html.select_one(".search-notice") is None


@pytest.mark.django_db
def test_a_word_of_another_language_says_which_results_are_not_translated_yet(client, content):
    dutch_only = add_guide(
        content,
        "basic",
        "nl",
        "Een onkostennota voor uw treinreis",
        "Zo dient u een onkostennota in voor een treinticket.",
        "onkostennota-treinreis",
    )

    html = search(client, "fr", "onkostennota")

    links = result_links(html)
    assert content["expense claims"]["fr"].url in links
    assert dutch_only.url in links
    notice = html.select_one(".search-notice").get_text(" ", strip=True)
    # Not "nothing matched": most of what is shown is in the reader's language.
    assert notice.startswith("Ces mots figurent sur des pages dans une autre langue.")
    assert "pas encore traduites" in notice
