"""Two ways the ranking follows what a member means rather than where the words sit.

- A few words naming a task: the guide that does it comes before the news items and events
  whose titles repeat the words, unless they rank far above it (then the news is what the words
  name, and the guide only mentions them).
- A whole question typed as a sentence: the FAQ question worded like it (most of its words,
  small ones included) comes up among the first results, though broader guides hold more of the
  sentence's words.
- A whole question whose best answer, an FAQ question or a guide, is far ahead of the rest: what
  its editors linked to it follows it, though it is worded otherwise.
"""

import pytest
from django.db import connection

from guides.models import GuideFAQQuestion
from tests.guides.factories import FAQPageFactory, FAQQuestionFactory, FAQThemeFactory
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.search.factories import (
    guide_in_every_language,
    in_every_language,
    paths_in_every_language,
)
from tests.search.search_page import result_titles

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the content is shaped so that PostgreSQL's ranking puts the news above the guide",
)

EXPENSES_GUIDE = {
    "fr": {
        "title": "Déclarer vos frais professionnels",
        "summary": "Ce que la coopérative rembourse et comment le demander.",
        "step": "Rassemblez vos tickets",
        "body": "Joignez la photo de chaque ticket à votre note de frais, puis envoyez-la.",
    },
    "nl": {
        "title": "Uw beroepskosten indienen",
        "summary": "Wat de coöperatie terugbetaalt, en hoe u uw onkostennota invult.",
        "step": "Verzamel uw kastickets",
        "body": "Voeg de foto van elk kasticket bij uw onkostennota en verstuur ze.",
    },
    "en": {
        "title": "Claim your work costs back",
        "summary": "What the cooperative pays back and how to ask for it.",
        "step": "Fill in the expense claim",
        "body": "Attach the photo of each receipt to your expense claim, then send the claim.",
    },
}
EXPENSE_QUERIES = {"fr": "note de frais", "nl": "onkostennota", "en": "expense claim"}
# News whose titles repeat the task's words: the ranking puts them above the guide.
EXPENSE_NEWS = {
    "fr": "Note de frais : un formulaire plus simple dès octobre",
    "nl": "Onkostennota: het nieuwe formulier voor uw onkostennota",
    "en": "Expense claim: the new expense claim form",
}
# A news item a guide only mentions in passing: what "assemblée générale" names is the meeting.
MEETING_NEWS = {
    "fr": "Assemblée générale des sociétaires : inscrivez-vous",
    "nl": "Algemene vergadering van de vennoten: schrijf u in",
    "en": "General meeting of the shareholders: register now",
}
MEETING_QUERIES = {
    "fr": "assemblée générale",
    "nl": "algemene vergadering",
    "en": "general meeting",
}
SHARES_GUIDE = {
    "fr": {
        "title": "Devenir sociétaire de la coopérative",
        "summary": "Acheter une part et prendre part aux décisions.",
        "step": "Achetez votre part",
        "body": (
            "Une part coûte trente euros. Vous la payez une fois, par virement, depuis votre "
            "espace membre. Elle vous est remboursée si vous quittez la coopérative. Chaque "
            "sociétaire a une voix, quel que soit le nombre de ses parts, et vote à "
            "l'assemblée générale."
        ),
    },
    "nl": {
        "title": "Vennoot worden van de coöperatie",
        "summary": "Een aandeel kopen en mee beslissen.",
        "step": "Koop uw aandeel",
        "body": (
            "Een aandeel kost dertig euro. U betaalt het één keer, met een overschrijving, "
            "vanuit uw ledenruimte. U krijgt het terug als u de coöperatie verlaat. Elke "
            "vennoot heeft één stem, hoeveel aandelen hij ook heeft, en stemt op de "
            "algemene vergadering."
        ),
    },
    "en": {
        "title": "Become a shareholder of the cooperative",
        "summary": "Buy a share and take part in decisions.",
        "step": "Buy your share",
        "body": (
            "A share costs thirty euros. You pay for it once, by bank transfer, from your "
            "member space. You get it back if you leave the cooperative. Each shareholder "
            "has one vote, however many shares they hold, and votes at the general meeting."
        ),
    },
}

PAY_GUIDE = {
    "fr": {
        "title": "Être payé pour votre travail",
        "summary": "Du contrat à votre salaire, quand le client a payé la facture.",
        "step": "Suivez le paiement du client",
        "body": (
            "Quand le client a réglé la facture, la coopérative calcule votre salaire et le "
            "verse sur votre compte. Le client qui paie en retard retarde votre paiement."
        ),
    },
    "nl": {
        "title": "Betaald worden voor uw werk",
        "summary": "Van het contract tot uw loon, als de klant de factuur betaald heeft.",
        "step": "Volg de betaling van de klant op",
        "body": (
            "Als de klant de factuur betaald heeft, berekent de coöperatie uw loon en stort "
            "het op uw rekening. Een klant die te laat betaalt, vertraagt uw betaling."
        ),
    },
    "en": {
        "title": "Get paid for your work",
        "summary": "From the contract to your pay, once the client has paid the invoice.",
        "step": "Follow the client's payment",
        "body": (
            "When the client has paid the invoice, the cooperative works out your pay and "
            "sends it to your bank account. A client who pays late delays your payment."
        ),
    },
}
# Broader guides holding many words of the typed questions below.
INVOICE_GUIDE = {
    "fr": {
        "title": "Facturer un client",
        "summary": "Quand et comment envoyer la facture à votre client.",
        "step": "Envoyez la facture",
        "body": (
            "La coopérative envoie la facture au client. Quand le client a payé la facture, "
            "vous êtes payé. Le client paie la facture sur le compte de la coopérative."
        ),
    },
    "nl": {
        "title": "Een klant factureren",
        "summary": "Wanneer en hoe u de factuur naar uw klant stuurt.",
        "step": "Verstuur de factuur",
        "body": (
            "De coöperatie stuurt de factuur naar de klant. Als de klant de factuur betaald "
            "heeft, wordt u betaald. De klant betaalt de factuur op de rekening van de coöperatie."
        ),
    },
    "en": {
        "title": "Invoice a client",
        "summary": "When and how to send the invoice to your client.",
        "step": "Send the invoice",
        "body": (
            "The cooperative sends the invoice to the client. When the client has paid the "
            "invoice, you get paid. The client pays the invoice into the cooperative's account."
        ),
    },
}
# Linked to the FAQ question "When do I get paid?"; holds one word of the typed questions.
BUDGET_GUIDE = {
    "fr": {
        "title": "Suivre votre budget d'activité",
        "summary": "Ce qui entre et ce qui sort de votre budget.",
        "step": "Lisez les mouvements",
        "body": (
            "Chaque mouvement montre la date et le montant, comme le jour où le salaire est payé."
        ),
    },
    "nl": {
        "title": "Uw activiteitenbudget opvolgen",
        "summary": "Wat er in uw budget binnenkomt en wat eruit gaat.",
        "step": "Lees de bewegingen",
        "body": (
            "Elke beweging toont de datum en het bedrag, zoals de dag waarop het loon betaald is."
        ),
    },
    "en": {
        "title": "Keep track of your activity budget",
        "summary": "What comes into your budget and what goes out.",
        "step": "Read the movements",
        "body": "Each movement shows the date and the amount, such as the day your pay is paid.",
    },
}
# Questions members type, and the FAQ question worded like each (its answer shares no word).
TYPED_QUESTIONS = {
    "fr": "quand est-ce que je suis payé quand le client a réglé la facture ?",
    "nl": "wanneer ben ik betaald als de klant de factuur betaald heeft?",
    "en": "when do I get paid after the client has paid the invoice?",
}
WHEN_PAID = {
    "fr": ("Quand suis-je payé ?", "Dans les cinq jours ouvrables qui suivent."),
    "nl": ("Wanneer word ik betaald?", "Binnen vijf werkdagen daarna."),
    "en": ("When do I get paid?", "Within five working days after that."),
}
# Shares only a few of a typed question's words: not lifted.
LATE_CLIENT = {
    "fr": ("Que faire si un client paie en retard ?", "Prévenez votre conseiller."),
    "nl": ("Wat doe ik als een klant te laat betaalt?", "Verwittig uw adviseur."),
    "en": ("What do I do if a client pays late?", "Tell your adviser."),
}

# Answers a sentence sharing few of its words, far better than anything else does; linked to the
# pay guide, which holds only one of the sentence's words.
SALARY_LOWER = {
    "fr": (
        "Pourquoi mon salaire est-il plus bas que ce que j'ai facturé ?",
        "Le montant facturé n'est pas votre salaire : la contribution à la coopérative, les "
        "cotisations sociales et le précompte en sont retirés. C'est pourquoi vous touchez "
        "moins que le montant de la facture.",
    ),
    "nl": (
        "Waarom is mijn loon lager dan wat ik gefactureerd heb?",
        "Het gefactureerde bedrag is niet uw loon: de bijdrage aan de coöperatie, de sociale "
        "bijdragen en de voorheffing gaan ervan af. Daarom krijgt u minder dan het bedrag van "
        "de factuur.",
    ),
    "en": (
        "Why is my salary lower than what I invoiced?",
        "The amount invoiced is not your salary: the contribution to the cooperative, social "
        "security and tax withheld come out of it. That is why you receive less money than "
        "the invoice amount.",
    ),
}
SALARY_SENTENCES = {
    "fr": "pourquoi je touche moins que le montant de ma facture",
    "nl": "waarom krijg ik minder dan het bedrag van mijn factuur",
    "en": "how come I receive less money than the invoice amount",
}


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        for guide in (EXPENSES_GUIDE, SHARES_GUIDE, INVOICE_GUIDE):
            guide_in_every_language(paths["basic"]["fr"], **guide)
        pay = guide_in_every_language(paths["basic"]["fr"], **PAY_GUIDE)
        budget = guide_in_every_language(paths["basic"]["fr"], **BUDGET_GUIDE)
        news_index = in_every_language(
            NewsIndexPageFactory(parent=tree.home["fr"]),
            nl={"Actualités": "Nieuws"},
            en={"Actualités": "News"},
        )
        for news in (EXPENSE_NEWS, MEETING_NEWS):
            in_every_language(
                NewsPageFactory(parent=news_index["fr"], title=news["fr"], summary=news["fr"]),
                nl={news["fr"]: news["nl"]},
                en={news["fr"]: news["en"]},
            )
        in_every_language(
            FAQPageFactory(parent=tree.home["fr"]),
            nl={"Questions fréquentes": "Veelgestelde vragen"},
            en={"Questions fréquentes": "Frequently asked questions"},
        )
        theme = in_every_language(
            FAQThemeFactory(name="Être payé"),
            nl={"Être payé": "Betaald worden"},
            en={"Être payé": "Getting paid"},
        )
        questions = {}
        for question in (WHEN_PAID, LATE_CLIENT, SALARY_LOWER):
            asked, answer = question["fr"]
            questions[asked] = in_every_language(
                FAQQuestionFactory(theme=theme["fr"], question=asked, answer=f"<p>{answer}</p>"),
                **{
                    language: dict(zip(question["fr"], question[language], strict=True))
                    for language in ("nl", "en")
                },
            )
        # Each guide links to the French question, as wagtail-localize leaves a translated
        # guide's links; each shows the question of its own language.
        for guide in budget.values():
            GuideFAQQuestion.objects.create(
                page=guide, question=questions[WHEN_PAID["fr"][0]]["fr"]
            )
        for guide in pay.values():
            GuideFAQQuestion.objects.create(
                page=guide, question=questions[SALARY_LOWER["fr"][0]]["fr"]
            )
        yield tree


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_guide_doing_a_task_comes_before_the_news_naming_it(client, content, language):
    titles = result_titles(client, language, EXPENSE_QUERIES[language])

    guide, news = EXPENSES_GUIDE[language]["title"], EXPENSE_NEWS[language]
    assert titles.index(guide) == 0
    assert titles.index(news) == 1, "the news stays, right after the guide"


@pytest.mark.django_db
@pytest.mark.parametrize("language, typed_in", [("fr", "nl"), ("nl", "en"), ("en", "fr")])
def test_a_task_typed_in_another_language_is_ordered_as_on_that_site(
    client, content, language, typed_in
):
    titles = result_titles(client, language, EXPENSE_QUERIES[typed_in])

    # The member's own translations, in the order the other language's site gives.
    guide, news = EXPENSES_GUIDE[language]["title"], EXPENSE_NEWS[language]
    assert titles.index(guide) == 0
    assert titles.index(news) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_news_far_above_a_guide_that_only_mentions_its_words_stays_first(client, content, language):
    titles = result_titles(client, language, MEETING_QUERIES[language])

    assert titles.index(MEETING_NEWS[language]) < titles.index(SHARES_GUIDE[language]["title"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_typed_question_finds_the_faq_question_worded_like_it(client, content, language):
    titles = result_titles(client, language, TYPED_QUESTIONS[language])

    assert WHEN_PAID[language][0] in titles[:2]
    # The guide linked to it follows it.
    question = titles.index(WHEN_PAID[language][0])
    assert titles[question + 1] == BUDGET_GUIDE[language]["title"]
    # A question sharing only a few of the words keeps its place below the guide.
    assert titles.index(LATE_CLIENT[language][0]) > titles.index(PAY_GUIDE[language]["title"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, sentence, faq_page",
    [
        ("fr", "où sont les questions fréquentes des membres ?", "Questions fréquentes"),
        ("nl", "waar staan de veelgestelde vragen van de leden?", "Veelgestelde vragen"),
        (
            "en",
            "where are the frequently asked questions for members?",
            "Frequently asked questions",
        ),
    ],
)
def test_a_sentence_finding_the_faq_page_itself_is_answered(
    client, content, language, sentence, faq_page
):
    # The FAQ page is a result of the same kind as its questions, without a question's wording.
    assert faq_page in result_titles(client, language, sentence)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_guides_linked_to_a_question_far_ahead_of_the_rest_follow_it(client, content, language):
    titles = result_titles(client, language, SALARY_SENTENCES[language])

    assert titles[0] == SALARY_LOWER[language][0]
    assert titles[1] == PAY_GUIDE[language]["title"]


@pytest.mark.django_db
def test_a_question_only_a_little_ahead_leaves_the_order_to_the_words(client, content):
    # The salary question comes first, but not far ahead of the invoicing guide: the sentence
    # may be about either, and the pay guide linked to the question keeps its own place.
    titles = result_titles(client, "en", "why does my salary come after the client's invoice")

    assert titles[0] == SALARY_LOWER["en"][0]
    assert titles.index(INVOICE_GUIDE["en"]["title"]) < titles.index(PAY_GUIDE["en"]["title"])


# Sentences the pay guide answers far ahead of anything else.
PAY_SENTENCES = {
    "fr": "le salaire est payé quand le client a payé la facture",
    "nl": "het loon wordt betaald als de klant de factuur betaald heeft",
    "en": "my salary gets paid once the client has paid the invoice",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_questions_linked_to_a_guide_far_ahead_of_the_rest_follow_it(client, content, language):
    titles = result_titles(client, language, PAY_SENTENCES[language])

    assert titles[0] == PAY_GUIDE[language]["title"]
    assert titles[1] == SALARY_LOWER[language][0]


# The question "When do I get paid?" all but typed: all or three of its words, and at least half
# of the sentence. The pay guide holds more of the sentence's words.
WHEN_PAID_ALL_BUT_TYPED = {
    "fr": "quand suis-je payé par la coopérative",
    "nl": "wanneer word ik betaald door de coöperatie",
    "en": "when do I get paid by the cooperative",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_question_all_but_typed_comes_first(client, content, language):
    titles = result_titles(client, language, WHEN_PAID_ALL_BUT_TYPED[language])

    assert titles[0] == WHEN_PAID[language][0]
    assert titles[1] == BUDGET_GUIDE[language]["title"]
