"""Which word a slip of the keyboard is read as: two swapped letters are one slip, as hunspell
reads them ('contarct' is contract, not contact); a form the portal holds only by its stem loses
to the word the portal writes ('formulaie' is formulaire, not formulais); and a slip another
language's analysis happens to take in is no word of that language ('budgeet' on the English
site is budget mistyped, not Dutch).
"""

import pytest
from wagtail.models import Locale

from search.dictionaries import knows, suggestions
from search.spelling import slips, suggest_spelling
from tests.home.factories import build_site_tree
from tests.search.factories import guide_in_every_language, paths_in_every_language
from tests.search.search_page import result_links, search_notice
from tests.search.search_page import search_page as search


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        contract = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Signer un contrat avec un client",
                "summary": "Le formulaire de contrat fixe le prix et les dates.",
                "step": "Remplissez le formulaire",
                "body": "Formulez clairement ce que vous livrez.",
            },
            nl={
                "title": "Een contract tekenen met een klant",
                "summary": "Het contract legt de prijs en de data vast.",
                "step": "Vul het contract in",
                "body": "Beschrijf duidelijk wat u levert.",
            },
            en={
                "title": "Signing a contract with a client",
                "summary": "The contract sets the price and the dates.",
                "step": "Fill in the contract",
                "body": "Say clearly what you deliver.",
            },
        )
        contact = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Prendre contact avec nous",
                "summary": "Par téléphone ou par courriel.",
                "step": "Appelez-nous",
                "body": "Nous répondons en semaine.",
            },
            nl={
                "title": "Contact met ons opnemen",
                "summary": "Per telefoon of per e-mail.",
                "step": "Bel ons",
                "body": "We antwoorden op weekdagen.",
            },
            en={
                "title": "Getting in contact with us",
                "summary": "By phone or by e-mail.",
                "step": "Call us",
                "body": "We answer on weekdays.",
            },
        )
        budget = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Suivre votre budget d'activité",
                "summary": "Ce qui reste sur votre budget après vos frais.",
                "step": "Ouvrez le tableau",
                "body": "Le budget se met à jour chaque jour.",
            },
            nl={
                "title": "Uw activiteitenbudget volgen",
                "summary": "Wat er op uw budget overblijft na uw kosten.",
                "step": "Open het overzicht",
                "body": "Het budget wordt elke dag bijgewerkt.",
            },
            en={
                "title": "Following your activity budget",
                "summary": "What is left in your budget after your costs.",
                "step": "Open the overview",
                "body": "The budget is updated every day.",
            },
        )
        yield {"contract": contract, "contact": contact, "budget": budget}


def test_two_swapped_letters_are_one_slip():
    assert slips("contarct", "contract") == 1
    assert slips("contarct", "contact") == 1
    assert slips("fomr", "from") == 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_swapped_letters_find_the_word_the_dictionary_reads(client, content, language):
    # One slip from both 'contract' and 'contact', which titles hold: the dictionary ranks the
    # swap first, where the closest spelling by shared letters is 'contact'.
    assert suggestions("contarct", language)[0] == "contract"

    html = search(client, language, "contarct")

    assert "contract" in search_notice(html)
    assert result_links(html)[0] == content["contract"][language].url


@pytest.mark.django_db
def test_a_form_the_portal_holds_only_by_its_stem_loses_to_the_word_it_writes(client, content):
    fr = Locale.objects.get(language_code="fr")
    # The dictionary reads 'formulaie' as verb forms first; the guides write 'formulaire'.
    assert "formulaire" not in suggestions("formulaie", "fr")[:2]

    assert suggest_spelling("formulaie", fr, lambda word: True) == "formulaire"
    html = search(client, "fr", "formulaie")

    assert "formulaire" in search_notice(html)
    assert content["contract"]["fr"].url in result_links(html)[:1]


@pytest.mark.django_db
def test_a_slip_another_languages_analysis_takes_in_is_corrected_in_the_members_language(
    client, content
):
    # Dutch analysis reads 'budgeet' as 'budget'; Dutch has no such word.
    assert not knows("budgeet", "nl")
    dutch = search(client, "nl", "budgeet")
    assert content["budget"]["nl"].url in result_links(dutch)

    html = search(client, "en", "budgeet")

    assert "budget" in search_notice(html)
    assert result_links(html)[0] == content["budget"]["en"].url


@pytest.mark.django_db
def test_a_word_of_another_language_is_still_read_as_that_language(client, content):
    # 'contrat' is a French word: on the English site it is no slip, it finds the French guide's
    # English translation.
    html = search(client, "en", "contrat")

    assert result_links(html)[0] == content["contract"]["en"].url
