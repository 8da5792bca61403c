"""How the search answers members' real questions: real words are never "corrected", an
abbreviation of another language still names its term, FAQ answers and sentences find their
answer, and a question the portal cannot answer says so and names whom to ask, in every language.
"""

import pytest
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import FAQPageFactory, FAQQuestionFactory, FAQThemeFactory
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, ServiceFactory
from tests.search.factories import (
    ExternalResourceFactory,
    guide_in_every_language,
    in_every_language,
    paths_in_every_language,
)
from tests.search.search_page import result_links
from tests.search.search_page import search_page as search

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stop words and ranking as on PostgreSQL"
)
LANGUAGES = ["fr", "nl", "en"]
# The team members are told to ask first, then the billing team, in each language.
TEAMS = {
    "fr": [
        ("Accueil des membres", "Vous inscrire et savoir qui est votre conseiller."),
        ("Facturation", "Vos factures et les rappels aux clients qui tardent à payer."),
    ],
    "nl": [
        ("Ledenonthaal", "U inschrijven en weten wie uw adviseur is."),
        ("Facturatie", "Uw facturen en herinneringen aan klanten die laat betalen."),
    ],
    "en": [
        ("Member welcome desk", "Signing up and knowing who your adviser is."),
        ("Billing", "Your invoices and reminders to clients who pay late."),
    ],
}


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        invoicing = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Facturer un client",
                "summary": "La coopérative facture votre client et vous verse un salaire.",
                "step": "Créez la facture",
                "body": "Encodez le montant et les jours de travail.",
            },
            nl={
                "title": "Een klant factureren",
                "summary": "De coöperatie factureert uw klant en betaalt u een loon.",
                "step": "Maak de factuur",
                "body": "Vul het bedrag en de werkdagen in.",
            },
            en={
                "title": "Invoicing a client",
                "summary": "The cooperative invoices your client and pays you a wage.",
                "step": "Create the invoice",
                "body": "Enter the amount and the days worked.",
            },
        )
        trainee = guide_in_every_language(
            paths["expert"]["fr"],
            fr={
                "title": "Encadrer un stagiaire",
                "summary": "Accueillir un stagiaire dans votre activité.",
                "step": "Signez la convention",
                "body": "La convention de stage fixe les horaires.",
            },
            nl={
                "title": "Een stagiair begeleiden",
                "summary": "Een stagiair in uw activiteit onthalen.",
                "step": "Teken de overeenkomst",
                "body": "De stageovereenkomst legt de uren vast.",
            },
            en={
                "title": "Supervising a trainee",
                "summary": "Welcoming a trainee into your activity.",
                "step": "Sign the agreement",
                "body": "The traineeship agreement sets the hours.",
            },
        )
        in_every_language(
            GlossaryPageFactory(parent=tree.home["fr"]),
            nl={"Lexique": "Woordenlijst"},
            en={"Lexique": "Glossary"},
        )
        assembly = in_every_language(
            GlossaryTermFactory(
                term="Assemblée plénière",
                variants="APL",
                definition="La réunion de tous les sociétaires.",
            ),
            nl={
                "Assemblée plénière": "Voltallige vergadering",
                "La réunion de tous les sociétaires.": "De vergadering van alle vennoten.",
            },
            en={
                "Assemblée plénière": "Plenary meeting",
                "La réunion de tous les sociétaires.": "The meeting of all shareholders.",
            },
        )
        # 'DO' is French for a client; in English, 'do' is a word of every question.
        in_every_language(
            GlossaryTermFactory(
                term="Donneur d'ordre", variants="DO", definition="Le client qui paie."
            ),
            nl={"Donneur d'ordre": "Opdrachtgever", "Le client qui paie.": "De klant."},
            en={"Donneur d'ordre": "Principal", "Le client qui paie.": "The paying client."},
        )
        assembly_guides = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Voter à l'assemblée plénière",
                "summary": "Chaque sociétaire vote une fois par an.",
                "step": "Inscrivez-vous",
                "body": "Inscrivez-vous avant la réunion.",
            },
            nl={
                "title": "Stemmen op de voltallige vergadering",
                "summary": "Elke vennoot stemt één keer per jaar.",
                "step": "Schrijf u in",
                "body": "Schrijf u in voor de vergadering.",
            },
            en={
                "title": "Voting at the plenary meeting",
                "summary": "Every shareholder votes once a year.",
                "step": "Register",
                "body": "Register before the meeting.",
            },
        )
        faq = in_every_language(
            FAQPageFactory(parent=tree.home["fr"]),
            nl={"Questions fréquentes": "Veelgestelde vragen"},
            en={"Questions fréquentes": "Frequently asked questions"},
        )
        paid = FAQQuestionFactory(
            theme=FAQThemeFactory(name="Être payé"),
            question="Quand suis-je payé ?",
            answer="<p>Votre salaire arrive sur votre compte le 10 du mois suivant.</p>",
        )
        contact = {}
        teams = {}
        for language in LANGUAGES:
            contact[language] = ContactPageFactory(
                parent=tree.home[language], slug=f"contact-{language}"
            )
            teams[language] = [
                ServiceFactory(
                    locale=locales[language], name=name, handles=handles, sort_order=order
                )
                for order, (name, handles) in enumerate(TEAMS[language])
            ]
        yield {
            "invoicing": invoicing,
            "trainee": trainee,
            "assembly": assembly,
            "assembly guides": assembly_guides,
            "faq": faq,
            "paid": paid,
            "contact": contact,
            "teams": teams,
        }


@pytest.mark.django_db
def test_a_real_word_the_portal_doesnt_use_is_never_corrected_into_another(client, content):
    # 'encoder' is close to the portal's 'encadrer', but French: searched as typed.
    html = search(client, "fr", "encoder")

    assert content["trainee"]["fr"].url not in result_links(html)
    assert "encadrer" not in html.select_one("main").get_text().lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "typo", "guide"),
    [("fr", "encadrr", "trainee"), ("nl", "begeleidn", "trainee"), ("en", "supervisng", "trainee")],
)
def test_a_typo_is_still_corrected(client, content, language, typo, guide):
    html = search(client, language, typo)

    assert content[guide][language].url in result_links(html)
    assert html.select_one(".search-notice") is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "typo", "word"),
    [("fr", "montnat", "montant"), ("nl", "wrekdagen", "werkdagen"), ("en", "amoutn", "amount")],
)
def test_a_typo_of_a_word_only_a_guides_text_uses_is_corrected_to_it(
    client, content, language, typo, word
):
    # No title, summary or glossary term says it: the dictionary knows it, the guide holds it.
    html = search(client, language, typo)

    assert content["invoicing"][language].url in result_links(html)
    assert word in html.select_one(".search-notice").get_text()


@pytest.mark.django_db
def test_the_dictionarys_likeliest_word_is_passed_over_where_the_portal_never_uses_it(
    client, content
):
    # The English dictionary reads 'amout' as 'amour' first, then 'amount', which a guide says.
    html = search(client, "en", "amout")

    assert content["invoicing"]["en"].url in result_links(html)
    assert "amount" in html.select_one(".search-notice").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_abbreviation_of_another_language_names_the_term(client, content, language):
    # Only the French term has the abbreviation 'APL'.
    html = search(client, language, "APL")

    assert content["assembly guides"][language].url in result_links(html)
    definition = html.select_one("aside.callout")
    assert definition is not None
    assert content["assembly"][language].term in definition.get_text()


@pytest.mark.django_db
def test_a_borrowed_abbreviation_counts_only_in_capitals(client, content):
    # 'do' here is English, not the French abbreviation of a principal.
    html = search(client, "en", "how do I invoice")

    assert "Principal" not in [
        aside.select_one(".callout__title").get_text() for aside in html.select("aside.callout")
    ]
    assert content["invoicing"]["en"].url in result_links(html)


# The initials of the assembly term's name in each language, which no glossary lists.
ACRONYMS = {"fr": "AP", "nl": "VV", "en": "PM"}


def defined_terms(html):
    return [
        aside.select_one(".callout__title").get_text() for aside in html.select("aside.callout")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_acronym_of_a_terms_name_names_the_term(client, content, language):
    html = search(client, language, f"date {ACRONYMS[language]}")

    assert content["assembly guides"][language].url in result_links(html)
    assert content["assembly"][language].term in " ".join(defined_terms(html))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "other_language"),
    [(language, other) for language in LANGUAGES for other in LANGUAGES if other != language],
)
def test_an_acronym_of_a_translations_name_names_the_term(
    client, content, language, other_language
):
    # Brussels members type the acronym they know: 'VV' on the French site is the Dutch name.
    html = search(client, language, ACRONYMS[other_language])

    assert content["assembly guides"][language].url in result_links(html)
    assert content["assembly"][language].term in " ".join(defined_terms(html))


@pytest.mark.django_db
def test_a_name_of_the_language_comes_before_a_translations(client, content):
    # 'Pré-mandat' is the French site's own PM: the English plenary meeting's initials yield.
    GlossaryTermFactory(term="Pré-mandat", definition="L'accord donné avant un contrat.")

    assert defined_terms(search(client, "fr", "PM")) == ["Pré-mandat"]


@pytest.mark.django_db
def test_an_acronym_names_a_term_only_in_capitals_and_with_the_names_initials(client, content):
    # In lower case, 'vv' may be a word or a typo; 'VVG' has a letter the name lacks.
    assert defined_terms(search(client, "nl", "vv")) == []
    assert defined_terms(search(client, "nl", "VVG")) == []


@pytest.mark.django_db
def test_initials_two_terms_share_name_neither(client, content):
    GlossaryTermFactory(term="Accord préalable", definition="L'accord donné avant le travail.")

    html = search(client, "fr", "AP")

    assert defined_terms(html) == []
    assert content["assembly guides"]["fr"].url not in result_links(html)


@pytest.mark.django_db
def test_an_acronym_the_portal_writes_means_what_the_portal_says(client, content):
    written = ExternalResourceFactory(
        title="Le PM de la coopérative", summary="Le plan de mobilité des bureaux."
    )
    written.locale = Locale.objects.get(language_code="en")
    written.save()

    html = search(client, "en", "PM")

    assert defined_terms(html) == []
    assert content["assembly guides"]["en"].url not in result_links(html)


@postgres_only
@pytest.mark.django_db
def test_a_question_typed_as_a_sentence_finds_the_faq_answer(client, content):
    # No page holds every word; the question and its answer hold most of them.
    html = search(client, "fr", "quand est-ce que mon salaire arrive sur mon compte")

    titles = [a.get_text(strip=True) for a in html.select(".search-result__title a")][:3]
    # Shown as French is set, with a narrow no-break space before the question mark.
    assert "Quand suis-je payé\u202f?" in titles
    assert html.select_one(".ask-instead") is None


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_the_portal_cannot_answer_says_so_and_names_the_team(client, content, language):
    # 'Namur' is nowhere on the portal; 'factures' / 'facturen' / 'invoices' is.
    query = {
        "fr": "factures du bureau de Namur",
        "nl": "facturen van het kantoor in Namen",
        "en": "invoices of the Namur office",
    }[language]

    block = search(client, language, query).select_one(".ask-instead")

    assert block is not None
    with translation.override(language):
        assert block.select_one("h2").get_text(strip=True) == gettext(
            "We may not have the answer here"
        )
    billing = content["teams"][language][1]
    links = [a["href"] for a in block.select("a")]
    assert f"{content['contact'][language].url}#{billing.anchor}" in links
    assert content["contact"][language].url in links
    assert content["faq"][language].url in links


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query"),
    [("fr", "salaire et horaires"), ("nl", "loon en uren"), ("en", "wage and hours")],
)
def test_a_few_words_no_page_holds_together_say_so(client, content, language, query):
    # Each word is on the portal (the invoicing guide pays a wage, the trainee's agreement sets
    # the hours), never on one page, and no result's title names them: as 'mot de passe oublié'
    # finds only the sign-up guide that says to choose one.
    html = search(client, language, query)

    assert result_links(html)
    block = html.select_one(".ask-instead")
    assert block is not None
    assert content["teams"][language][0].name in block.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_search_that_finds_nothing_points_to_the_welcome_desk(client, content, language):
    html = search(client, language, "zzqxjvv")

    block = html.select_one(".ask-instead")
    assert result_links(html) == []
    welcome_desk = content["teams"][language][0]
    assert welcome_desk.name in block.get_text()
    assert content["faq"][language].url in [a["href"] for a in block.select("a")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("fr", "facturer un client"),
        ("nl", "klant factureren"),
        ("en", "invoicing a client"),
        # Christmas is nowhere on the portal, and the guide's title names the rest: it answers.
        ("fr", "facturer un client à Noël"),
        ("nl", "een klant factureren met kerst"),
        ("en", "invoicing a client at Christmas"),
    ],
)
def test_a_question_the_portal_answers_shows_no_warning(client, content, language, query):
    html = search(client, language, query)

    assert content["invoicing"][language].url in result_links(html)[:1]
    assert html.select_one(".ask-instead") is None
