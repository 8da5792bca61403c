"""The search page answers in a fixed, small number of SQL queries, whatever it finds.

Counted on a realistic site, built once for the module in French, Dutch and English: a main menu
and a footer, the three paths with a topic, guides about invoices at every level, a glossary
entry, an FAQ question, a news item and pages of the blog that all match the search, so results
of every kind show with their breadcrumbs, paths and excerpts, in pages with translations.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.query import Not, PlainText
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search.backends import searching_in
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import (
    FAQPageFactory,
    FAQQuestionFactory,
    FAQThemeFactory,
    GuidePageFactory,
    TopicPageFactory,
    step,
)
from tests.home.factories import build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.search.factories import (
    ExternalResourceFactory,
    guide_in_every_language,
    in_every_language,
    paths_in_every_language,
)

LANGUAGES = ["fr", "nl", "en"]
# Glossary terms, promotions, view restrictions, four searches (pages, terms, other websites,
# questions), the pages around the results, the excerpts' text, the search log, and what every
# page costs (site, navigation). SQLite's index doesn't keep the excerpts' text: it is read from
# the pages shown, one query per page type.
BUDGET = 13 if connection.vendor == "postgresql" else 15
BROAD_WORDS = {"fr": "facture", "nl": "factuur", "en": "invoice"}


@pytest.fixture(scope="module")
def site(shared_data):
    with shared_data():
        tree = build_site_tree()
        home = tree.home["fr"]
        paths = paths_in_every_language(tree.home)
        topic = in_every_language(
            TopicPageFactory(
                parent=paths["expert"]["fr"],
                title="Droits d'auteur",
                intro="Quand vos clients utilisent vos œuvres.",
            ),
            nl={"Droits d'auteur": "Auteursrechten"},
            en={"Droits d'auteur": "Copyright"},
        )
        guide_in_every_language(
            paths["facile"]["fr"],
            fr={
                "title": "Votre première facture",
                "summary": "Ce qu'il faut savoir avant d'envoyer une facture à un client.",
                "step": "Demandez les coordonnées du client",
                "body": "Son nom, son adresse et son numéro d'entreprise figurent sur la facture.",
            },
            nl={
                "title": "Uw eerste factuur",
                "summary": "Wat u moet weten voor u een factuur naar een klant stuurt.",
                "step": "Vraag de gegevens van de klant",
                "body": "Naam, adres en ondernemingsnummer staan op de factuur.",
            },
            en={
                "title": "Your first invoice",
                "summary": "What to know before you send an invoice to a client.",
                "step": "Ask for the client's details",
                "body": "Their name, address and company number go on the invoice.",
            },
        )
        guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Facturer un client",
                "summary": "La coopérative facture votre client et vous verse un salaire.",
                "step": "Créez la facture",
                "body": "Encodez le montant et vos jours de travail dans votre espace membre.",
            },
            nl={
                "title": "Een klant factureren",
                "summary": "De coöperatie stuurt de factuur en betaalt u een loon.",
                "step": "Maak de factuur",
                "body": "Vul het bedrag en uw werkdagen in uw ledenruimte in.",
            },
            en={
                "title": "Invoicing a client",
                "summary": "The cooperative sends the invoice and pays you a wage.",
                "step": "Create the invoice",
                "body": "Enter the amount and your days worked in your member space.",
            },
        )
        guide_in_every_language(
            topic["fr"],
            fr={
                "title": "Facturer des droits d'auteur",
                "summary": "Une convention de droits d'auteur s'ajoute à votre facture.",
                "step": "Préparez la convention",
                "body": "Indiquez sur la facture la part payée en droits d'auteur.",
            },
            nl={
                "title": "Auteursrechten factureren",
                "summary": "Een auteursrechtenovereenkomst komt bij uw factuur.",
                "step": "Bereid de overeenkomst voor",
                "body": "Vermeld op de factuur welk deel als auteursrechten betaald wordt.",
            },
            en={
                "title": "Invoicing copyright",
                "summary": "A copyright agreement comes with your invoice.",
                "step": "Prepare the agreement",
                "body": "Show on the invoice the share paid as copyright.",
            },
        )
        glossary = in_every_language(
            GlossaryPageFactory(parent=home),
            nl={"Lexique": "Woordenlijst"},
            en={"Lexique": "Glossary"},
        )
        in_every_language(
            GlossaryTermFactory(
                term="Facture",
                variants="factures",
                definition="Le document qui demande au client de payer votre travail.",
            ),
            nl={"Facture": "Factuur", "factures": "facturen"},
            en={"Facture": "Invoice", "factures": "invoices"},
        )
        faq = in_every_language(
            FAQPageFactory(parent=home),
            nl={"Questions fréquentes": "Veelgestelde vragen"},
            en={"Questions fréquentes": "Frequently asked questions"},
        )
        theme = FAQThemeFactory(name="Être payé")
        in_every_language(
            theme, nl={"Être payé": "Betaald worden"}, en={"Être payé": "Getting paid"}
        )
        in_every_language(
            FAQQuestionFactory(
                theme=theme,
                question="Quand ma facture est-elle payée ?",
                answer="<p>Dès que le client paie, votre salaire suit.</p>",
            ),
            nl={"Quand ma facture est-elle payée ?": "Wanneer wordt mijn factuur betaald?"},
            en={"Quand ma facture est-elle payée ?": "When is my invoice paid?"},
        )
        news = in_every_language(
            NewsIndexPageFactory(parent=home),
            nl={"Actualités": "Nieuws"},
            en={"Actualités": "News"},
        )
        in_every_language(
            NewsPageFactory(parent=news["fr"], title="Une facture en deux minutes"),
            nl={"Une facture en deux minutes": "Een factuur in twee minuten"},
            en={"Une facture en deux minutes": "An invoice in two minutes"},
        )
        for language, title in [
            ("fr", "Bien préparer sa première facture"),
            ("nl", "Uw eerste factuur goed voorbereiden"),
            ("en", "Preparing your first invoice well"),
        ]:
            ExternalResourceFactory(locale=tree.home[language].locale, title=title)
        menu = SiteNavigationFactory(
            links=[
                *(menu_link(paths[level]["fr"], paths[level]["fr"].title) for level in paths),
                menu_link(glossary["fr"], "Lexique"),
                menu_link(news["fr"], "Actualités"),
            ]
        )
        footer = SiteFooterFactory(
            link_groups=[
                footer_group(
                    "Aide", [(faq["fr"], "Questions fréquentes"), (glossary["fr"], "Lexique")]
                )
            ]
        )
        for snippet in (menu, footer):
            in_every_language(snippet)
        yield {"paths": paths}


def queries_for(client, url):
    client.get(url)  # Caches warmed, as for every request after the first.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_page_stays_within_its_query_budget(client, site, language):
    response, queries = queries_for(client, f"/{language}/search/?q={BROAD_WORDS[language]}")

    html = response.content.decode()
    # Every kind of result, each with what it shows: breadcrumbs, paths, excerpts, the menu.
    for kind in ["guide", "glossary", "faq", "news", "external"]:
        assert f"?q={BROAD_WORDS[language]}&amp;type={kind}" in html, kind
    for part in ["search-result__breadcrumbs", "level-badge", "search-result__excerpt", "main-nav"]:
        assert part in html, part
    assert len(queries) <= BUDGET, "\n".join(sql[:160] for sql in queries)


@pytest.mark.django_db
def test_more_results_and_later_pages_cost_no_more_queries(client, site):
    parent = site["paths"]["expert"]["en"]
    _response, few = queries_for(client, "/en/search/?q=marimbaphone")
    for number in range(25):
        GuidePageFactory(
            parent=parent,
            title=f"Marimbaphone tour {number}",
            slug=f"marimbaphone-{number}",
            steps=[step("Pack", f"<p>Pack the marimbaphone for stop {number}.</p>")],
        )

    _response, many = queries_for(client, "/en/search/?q=marimbaphone")
    response, third_page = queries_for(client, "/en/search/?q=marimbaphone&page=3")

    assert b"Marimbaphone tour" in response.content
    assert len(many) == len(third_page) <= BUDGET
    # With nothing found the page also looks for a close spelling and in other languages.
    assert len(many) <= len(few)


# Words no page of any language holds: the page looks for them in the member's language, in the
# other two, under a close spelling, then word by word to say it can't answer.
FOUND_NOWHERE = {
    "fr": "horaires Namur",
    "nl": "openingsuren Hasselt",
    "en": "Namur opening hours",
}
# The search page's budget, a search of each kind for any of the words, whose results show
# below the "we may not have the answer here" block, and one look each at whether the portal
# holds a compound ('openingsuren') and its first part ('opening'), to search its words apart.
FOUND_NOWHERE_BUDGET = BUDGET + 4 + 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the entries' index is looked in on PostgreSQL"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_words_found_nowhere_cost_no_search_of_each_kind(client, site, language):
    # Each of those searches is four (pages, terms, other websites, questions): 39 queries in
    # all. One look in the index's entries says that nothing of a language holds the words.
    response, queries = queries_for(client, f"/{language}/search/?q={FOUND_NOWHERE[language]}")

    assert b'id="ask-instead-title"' in response.content
    assert len(queries) <= FOUND_NOWHERE_BUDGET, "\n".join(sql[:160] for sql in queries)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the entries' index is looked in on PostgreSQL"
)
@pytest.mark.django_db
def test_the_entries_index_tells_which_words_a_language_may_match(site):
    backend = get_search_backend()
    french, dutch = (Locale.objects.get(language_code=code) for code in ("fr", "nl"))

    with searching_in("fr"):
        assert backend.may_match(french.pk, PlainText("factures"))
        assert backend.may_match(french.pk, PlainText("facture client", operator="and"))
        # Every word must be held together, as the search asks.
        assert not backend.may_match(french.pk, PlainText("facture Namur", operator="and"))
        assert backend.may_match(french.pk, PlainText("facture Namur", operator="or"))
        # A Dutch word, analysed as French, is in no French entry.
        assert not backend.may_match(french.pk, PlainText("factuur"))
        # What a query excludes can't be looked up: the search decides.
        assert backend.may_match(french.pk, Not(PlainText("factures")))
    with searching_in("nl"):
        assert backend.may_match(dutch.pk, PlainText("factuur"))


# A word of another language: no page of the member's language holds it, the language whose
# dictionary knows it finds it. Whether it is only a slip of the member's own word ('budgeet',
# search/service.py: slips_read_as) is asked of that dictionary first, which costs no query.
# The budget is what the page cost when this was written; looking the word up in the member's
# language first cost one more.
OTHER_LANGUAGE_WORDS = {"fr": "auteursrechten", "nl": "copyright", "en": "auteursrechten"}
COPYRIGHT_GUIDES = {
    "fr": "Facturer des droits d'auteur",
    "nl": "Auteursrechten factureren",
    "en": "Invoicing copyright",
}
OTHER_LANGUAGE_BUDGET = 17


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the entries' index is looked in on PostgreSQL"
)
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_word_of_another_language_costs_no_look_up_of_slips(client, site, language):
    response, queries = queries_for(
        client, f"/{language}/search/?q={OTHER_LANGUAGE_WORDS[language]}"
    )

    # Found, in the member's language: the copyright guide's translation.
    titles = [
        a.get_text(strip=True)
        for a in BeautifulSoup(response.content, "html.parser").select(".search-result__title a")
    ]
    assert COPYRIGHT_GUIDES[language] in titles, titles
    assert len(queries) <= OTHER_LANGUAGE_BUDGET, "\n".join(sql[:160] for sql in queries)
