"""The glossary page, and glossary terms linked automatically in guides.

A glossary of five terms and a guide that mentions two of them, built once for the module in
French and translated into Dutch and English.
"""

import unicodedata
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from glossary.linking import invalidate, link_glossary_terms
from glossary.models import GlossaryTerm
from glossary.variants import abbreviations, is_form_of, other_names
from guides.models import GuidePage
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
# Each term in French, Dutch and English; "Échéance" sorts among the E, not after Z.
TERMS = [
    {"fr": "Note de frais", "nl": "Onkostennota", "en": "Expense claim"},
    {"fr": "Acompte", "nl": "Voorschot", "en": "Advance"},
    {"fr": "Échéance", "nl": "Vervaldatum", "en": "Due date"},
    {"fr": "Donneur d'ordre", "nl": "Opdrachtgever", "en": "Principal"},
    {"fr": "Frais professionnels", "nl": "Beroepskosten", "en": "Business expenses"},
]
# The guide names two terms, one of them twice.
GUIDE_STEP = {
    "fr": "Remplissez votre note de frais et envoyez la note de frais à votre donneur d'ordre.",
    "nl": "Vul uw onkostennota in en stuur de onkostennota naar uw opdrachtgever.",
    "en": "Fill in your expense claim and send the expense claim to your principal.",
}


@dataclass
class GlossarySite:
    glossary: dict
    guide: dict


@pytest.fixture(scope="module")
def glossary_site(shared_data):
    with shared_data():
        home = build_site_tree().home
        glossary = {"fr": GlossaryPageFactory(parent=home["fr"])}
        for names in TERMS:
            term = GlossaryTermFactory(term=names["fr"])
            for language in ["nl", "en"]:
                translate(term, language, strings={names["fr"]: names[language]})
        path = PathPageFactory(parent=home["fr"])
        guide = {
            "fr": GuidePageFactory(
                parent=path,
                title="Déclarer ses frais",
                steps=[step("Envoyez vos frais", f"<p>{GUIDE_STEP['fr']}</p>")],
            )
        }
        for language in ["nl", "en"]:
            glossary[language] = translate(glossary["fr"], language)
            translate(path, language)
            guide[language] = translate(
                guide["fr"], language, strings={GUIDE_STEP["fr"]: GUIDE_STEP[language]}
            )
        yield GlossarySite(glossary=glossary, guide=guide)


def dictionary_order(word):
    without_accents = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in without_accents if not unicodedata.combining(char))


def render(client, page):
    return BeautifulSoup(client.get(page.url).content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_lists_every_term_of_its_language_a_to_z_with_anchors(
    client, glossary_site, language
):
    html = render(client, glossary_site.glossary[language])

    terms = GlossaryTerm.objects.filter(locale__language_code=language)
    assert terms.count() == len(TERMS)
    entries = html.select(".glossary__entry")
    assert {entry["id"] for entry in entries} == {term.anchor for term in terms}
    shown = [entry.find("dfn").get_text(strip=True) for entry in entries]
    assert shown == sorted((names[language] for names in TERMS), key=dictionary_order)
    letters = [link.get_text() for link in html.select(".alphabet a")]
    assert letters == [heading.get_text() for heading in html.select(".glossary-letter h2")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guides_link_glossary_terms_to_the_glossary_of_their_language(
    client, glossary_site, language
):
    guide = glossary_site.guide[language]
    glossary = glossary_site.glossary[language]
    html = render(client, guide)

    links = html.select("article a.glossary-term")
    assert [link.get_text().casefold() for link in links] == [
        TERMS[0][language].casefold(),
        TERMS[3][language].casefold(),
    ]
    definitions = {
        term.anchor: term.definition for term in GlossaryTerm.objects.filter(locale=guide.locale)
    }
    anchors = set(definitions)
    for link in links:
        url, anchor = link["href"].split("#")
        assert url == glossary.url
        assert anchor in anchors
        # The whole definition follows the link, hidden until the page's script opens it in
        # place; no title attribute, which only a mouse could read.
        definition = link.find_next_sibling()
        assert "glossary-term__definition" in definition["class"]
        assert definition.has_attr("hidden")
        assert definition.get_text() == definitions[anchor]
        assert not link.has_attr("title")
    # Each term is linked once per page, at its first appearance.
    assert len({link["href"] for link in links}) == len(links)


@pytest.mark.django_db
def test_term_variants_and_abbreviations_are_linked_case_sensitively(glossary_site, locales):
    GlossaryTerm.objects.filter(locale=locales["en"]).delete()
    GlossaryTermFactory(
        locale=locales["en"],
        term="Principal",
        variants="DO\nprincipals",
        definition="The client who orders the work.",
    )
    html = link_glossary_terms(
        "<h2>Principals</h2><p>Ask your principals. What do you DO? <a href='/x'>DO</a></p>",
        locales["en"],
    )
    soup = BeautifulSoup(html, "html.parser")

    assert soup.h2.find("a") is None
    links = soup.p.select("a.glossary-term")
    assert [link.get_text() for link in links] == ["principals"]
    assert "do you DO" in soup.p.get_text()


@pytest.mark.django_db
def test_abbreviation_is_marked_up_with_its_expansion(glossary_site, locales):
    GlossaryTerm.objects.filter(locale=locales["fr"]).delete()
    GlossaryTermFactory(locale=locales["fr"], term="Donneur d'ordre", variants="DO")
    html = link_glossary_terms("<p>Votre DO paie la facture.</p>", locales["fr"])

    abbr = BeautifulSoup(html, "html.parser").find("abbr")
    assert abbr.get_text() == "DO"
    assert abbr["title"] == "Donneur d'ordre"


@pytest.mark.django_db
def test_a_new_term_is_linked_on_the_next_page_view(client, glossary_site, locales):
    guide = GuidePage.objects.get(pk=glossary_site.guide["en"].pk)
    guide.steps.append(
        (
            "step",
            {
                "title": "Meet the team",
                "body": RichText("<p>Ask the welcome desk for your badge.</p>"),
                "tip": "",
            },
        )
    )
    guide.save_revision().publish()
    assert "welcome desk" not in [
        a.get_text() for a in render(client, guide).select("a.glossary-term")
    ]

    GlossaryTermFactory(locale=locales["en"], term="Welcome desk", definition="Where you start.")

    linked = [a.get_text() for a in render(client, guide).select("a.glossary-term")]
    assert "welcome desk" in linked


@pytest.mark.django_db
def test_a_long_definition_reaches_the_guide_whole(client, glossary_site, locales):
    long_definition = " ".join(["Une phrase simple qui explique un mot de la coopérative."] * 8)
    GlossaryTerm.objects.filter(locale=locales["fr"], term=TERMS[0]["fr"]).update(
        definition=long_definition
    )
    invalidate()

    html = render(client, glossary_site.guide["fr"])

    link = html.select_one("article a.glossary-term")
    assert len(long_definition) > 400
    assert link.find_next_sibling().get_text() == long_definition


@pytest.mark.django_db
def test_the_glossary_gives_abbreviations_an_entry_that_leads_to_their_term(
    client, glossary_site, locales
):
    GlossaryTermFactory(
        locale=locales["fr"],
        term="Assemblée générale",
        variants="AG\nassemblées générales\nassemblée des membres",
    )

    html = render(client, glossary_site.glossary["fr"])

    entry = html.select_one("#abbr-ag")
    assert entry.find("abbr").get_text() == "AG"
    assert entry.find("abbr")["title"] == "Assemblée générale"
    assert entry.select_one("a")["href"] == "#term-assemblee-generale"
    # Filed under A, between the terms, as members would look for it.
    assert entry.find_parent("section")["aria-labelledby"] == "letter-A"
    term = html.select_one("#term-assemblee-generale")
    assert "(AG)" in term.dt.get_text()
    # Another name is worth telling; a plural is not, nor the abbreviation again.
    assert (
        term.select_one(".glossary__variants")
        .get_text(strip=True)
        .endswith("assemblée des membres")
    )
    assert "assemblées générales" not in term.get_text()


def test_variants_are_sorted_into_abbreviations_other_names_and_mere_forms():
    variants = ["activités", "DA", "droits d'auteur", "budget de l'activité", "ONSS"]
    assert abbreviations("Activité", variants) == ["DA", "ONSS"]
    assert other_names("Activité", variants) == ["droits d'auteur", "budget de l'activité"]
    assert other_names(
        "Contrat de prestation",
        ["contrats de prestation", "contrat de service", "contrats de service"],
    ) == ["contrat de service"]
    assert is_form_of("ouvrières", "ouvrier")
    assert not is_form_of("activiteitenbudget", "activiteitsbudget")
