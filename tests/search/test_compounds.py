"""A compound the portal never writes whole is searched as its two words where the portal holds
both: Dutch joins words the guides write apart ('onkostennota', a guide's 'nota voor uw
onkosten'), and members type 'autoentrepreneur' or 'workplace' for 'auto-entrepreneur' and
'place of work'. The search says which words it searched, as for a corrected typo.
"""

import pytest
from wagtail.models import Locale

from search.dictionaries import splits
from search.service import PortalSearch
from search.spelling import suggest_spelling
from tests.home.factories import build_site_tree
from tests.search.factories import guide_in_every_language, paths_in_every_language
from tests.search.relevance import search_request
from tests.search.search_page import result_links, search_notice
from tests.search.search_page import search_page as search

# (compound as members type it, its words as the guides write them apart), per language.
COMPOUNDS = {
    "fr": ("autoentrepreneur", "auto entrepreneur"),
    "nl": ("onkostennota", "onkosten nota"),
    "en": ("workplace", "work place"),
}


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        costs = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Déclarer vos frais",
                "summary": "Ce que vous dépensez pour votre activité vous est remboursé.",
                "step": "Gardez le ticket",
                "body": "Un auto-entrepreneur paie ses frais lui-même ; ici, vous les déclarez.",
            },
            nl={
                "title": "Uw onkosten terugvragen",
                "summary": "Wat u voor uw activiteit uitgeeft, krijgt u terug.",
                "step": "Bewaar het ticket",
                "body": "Dien een nota in voor uw onkosten. De onkostenvergoeding volgt.",
            },
            en={
                "title": "Claiming your costs",
                "summary": "What you spend on your activity is paid back.",
                "step": "Keep the receipt",
                "body": "The costs of your place of work count too, such as a studio's rent.",
            },
        )
        pay = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Recevoir votre salaire",
                "summary": "Votre salaire arrive le dix du mois.",
                "step": "Lisez la fiche",
                "body": "La fiche de paie détaille le calcul.",
            },
            nl={
                "title": "Uw loon ontvangen",
                "summary": "Uw loon komt op de tiende van de maand.",
                "step": "Lees de loonfiche",
                "body": "De loonfiche legt de berekening uit.",
            },
            en={
                "title": "Receiving your wage",
                "summary": "Your wage arrives on the tenth of the month.",
                "step": "Read the payslip",
                "body": "The payslip explains the sum.",
            },
        )
        yield {"costs": costs, "pay": pay}


@pytest.mark.django_db
@pytest.mark.parametrize("language", COMPOUNDS)
def test_a_compound_the_portal_writes_apart_finds_the_guide(client, content, language):
    compound, words = COMPOUNDS[language]

    html = search(client, language, compound)

    assert content["costs"][language].url in result_links(html)
    assert words in search_notice(html)


@pytest.mark.django_db
def test_a_compound_the_portal_writes_whole_is_searched_as_typed(client, content):
    html = search(client, "nl", "onkostenvergoeding")

    assert content["costs"]["nl"].url in result_links(html)
    assert search_notice(html) == ""


@pytest.mark.django_db
def test_a_compound_is_split_only_where_the_portal_holds_both_words(client, content):
    # 'share' and 'holder' are English words, but no page here says either.
    html = search(client, "en", "shareholder")

    assert "share holder" not in html.get_text()
    assert result_links(html) == []


@pytest.mark.django_db
def test_a_question_with_a_compound_is_answered_with_its_words(client, content):
    # No page holds 'onkosten', 'nota' and 'loon' together: the question is answered in part,
    # with the compound's words, not with 'loon' alone.
    html = search(client, "nl", "onkostennota bij mijn loon")

    links = result_links(html)
    assert content["costs"]["nl"].url in links
    assert content["pay"]["nl"].url in links
    assert "onkosten nota" in search_notice(html)


@pytest.mark.django_db
def test_long_words_the_dictionary_cannot_split_cost_no_look_up(content):
    # Two looked-at compounds per query: 'zonnepaneel' and 'kinderopvang' split into no two
    # words, so 'onkostennota' is still looked at.
    searching = PortalSearch(search_request("nl", ""), "", "nl")

    corrected = suggest_spelling(
        "zonnepaneel kinderopvang onkostennota",
        Locale.objects.get(language_code="nl"),
        searching.holds,
    )

    assert corrected == "zonnepaneel kinderopvang onkosten nota"


def test_words_shorter_than_four_letters_are_not_read_as_a_compounds_parts():
    # 'bon' and 'netje' are Dutch words; a 'bonnetje' is neither.
    assert splits("bonnetje", "nl") == []
    assert splits("terugkrijgen", "nl") == [("terug", "krijgen")]
    assert splits("werkloosheidsuitkering", "nl")[0] == ("werkloosheid", "uitkering")
