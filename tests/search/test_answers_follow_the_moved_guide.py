"""The FAQ answer linked to a guide follows the guide once the guide is put before the news.

A task's words in the titles of several news items rank them all above its guide; the guide is
then moved before them (tasks_first). Its linked answers must come along: they were lifted only
when the guide already ranked among the first three, so with three news items above it, the
answer stayed far down, below a guide that only mentions the words in passing. And it comes
before the news: the short how-to answer, not an announcement, is what a task's words ask for.
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
    reason="the content is shaped so that PostgreSQL's ranking puts three news items first",
)

QUERIES = {"fr": "note de frais", "nl": "onkostennota", "en": "expense claim"}
EXPENSES_GUIDE = {
    "fr": {
        "title": "Déclarer vos frais professionnels",
        "summary": "Ce que la coopérative rembourse, et comment remplir votre note de frais.",
        "step": "Rassemblez vos tickets",
        "body": "Joignez la photo de chaque ticket, puis envoyez le tout.",
    },
    "nl": {
        "title": "Uw beroepskosten indienen",
        "summary": "Wat de coöperatie terugbetaalt, en hoe u uw onkostennota invult.",
        "step": "Verzamel uw kastickets",
        "body": "Voeg de foto van elk kasticket toe en verstuur alles samen.",
    },
    "en": {
        "title": "Claim your work costs back",
        "summary": "What the cooperative pays back, and how to fill in your expense claim.",
        "step": "Gather your receipts",
        "body": "Attach the photo of each receipt, then send them all together.",
    },
}
# Mentions the task once, in passing.
BUDGET_GUIDE = {
    "fr": {
        "title": "Suivre votre budget d'activité",
        "summary": "Ce qui entre dans votre budget et ce qui en sort.",
        "step": "Lisez les mouvements",
        "body": (
            "Chaque mouvement montre une date et un montant : une facture payée, un salaire, "
            "un achat, une note de frais remboursée ou la contribution à la coopérative. "
            "Une note de frais refusée n'y figure pas."
        ),
    },
    "nl": {
        "title": "Uw activiteitenbudget opvolgen",
        "summary": "Wat er in uw budget binnenkomt en wat eruit gaat.",
        "step": "Lees de bewegingen",
        "body": (
            "Elke beweging toont een datum en een bedrag: een betaalde factuur, een loon, een "
            "aankoop, een terugbetaalde onkostennota of de bijdrage aan de coöperatie. "
            "Een geweigerde onkostennota staat er niet in."
        ),
    },
    "en": {
        "title": "Keep track of your activity budget",
        "summary": "What comes into your budget and what goes out.",
        "step": "Read the movements",
        "body": (
            "Each movement shows a date and an amount: a paid invoice, a salary, a purchase, "
            "a refunded expense claim or the contribution to the cooperative. An expense "
            "claim that was refused is not listed."
        ),
    },
}
# Each title and summary repeat the task's words: the ranking puts all three above the guide.
EXPENSE_NEWS = [
    {
        "fr": (
            "Note de frais : une note de frais plus simple dès octobre",
            "Votre note de frais tient désormais sur une page.",
        ),
        "nl": (
            "Onkostennota: een eenvoudiger onkostennota",
            "Uw onkostennota past vanaf oktober op één pagina.",
        ),
        "en": (
            "Expense claim: a simpler expense claim from October",
            "Your expense claim now fits on one page.",
        ),
    },
    {
        "fr": (
            "Note de frais : les dernières notes de frais de l'année",
            "Envoyez votre note de frais avant le 15 décembre.",
        ),
        "nl": (
            "Onkostennota: de laatste onkostennota van het jaar",
            "Stuur uw onkostennota vóór 15 december.",
        ),
        "en": (
            "Expense claim: the last expense claims of the year",
            "Send your expense claim before 15 December.",
        ),
    },
    {
        "fr": (
            "Note de frais : un atelier pour une note de frais sans erreur",
            "Une heure pour une note de frais acceptée du premier coup.",
        ),
        "nl": (
            "Onkostennota: een workshop voor een foutloze onkostennota",
            "Een uur voor een onkostennota die meteen aanvaard wordt.",
        ),
        "en": (
            "Expense claim: a workshop for an expense claim without mistakes",
            "One hour for an expense claim accepted the first time.",
        ),
    },
]
# Linked to the expenses guide; its answer names the task once.
EXPENSE_QUESTION = {
    "fr": (
        "Comment me faire rembourser une dépense ?",
        "Depuis votre espace membre, envoyez une note de frais avec la photo du ticket ou de la "
        "facture. Le montant est pris sur votre budget d'activité, puis versé avec votre "
        "prochain salaire.",
    ),
    "nl": (
        "Hoe krijg ik een uitgave terugbetaald?",
        "Dien via uw ledenruimte een onkostennota in, met de foto van het kasticket of de "
        "factuur. Het bedrag gaat af van uw activiteitenbudget en wordt met uw volgende loon "
        "gestort.",
    ),
    "en": (
        "How do I get an expense paid back?",
        "From your member space, send an expense claim with the photo of the receipt or the "
        "invoice. The amount comes out of your activity budget and is paid with your next "
        "salary.",
    ),
}


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        guide = guide_in_every_language(paths["basic"]["fr"], **EXPENSES_GUIDE)
        guide_in_every_language(paths["basic"]["fr"], **BUDGET_GUIDE)
        news_index = in_every_language(
            NewsIndexPageFactory(parent=tree.home["fr"]),
            nl={"Actualités": "Nieuws"},
            en={"Actualités": "News"},
        )
        for news in EXPENSE_NEWS:
            (title, summary) = news["fr"]
            in_every_language(
                NewsPageFactory(parent=news_index["fr"], title=title, summary=summary),
                **{
                    language: dict(zip(news["fr"], news[language], strict=True))
                    for language in ("nl", "en")
                },
            )
        in_every_language(
            FAQPageFactory(parent=tree.home["fr"]),
            nl={"Questions fréquentes": "Veelgestelde vragen"},
            en={"Questions fréquentes": "Frequently asked questions"},
        )
        theme = in_every_language(
            FAQThemeFactory(name="Vos frais"),
            nl={"Vos frais": "Uw onkosten"},
            en={"Vos frais": "Your expenses"},
        )
        asked, answer = EXPENSE_QUESTION["fr"]
        question = in_every_language(
            FAQQuestionFactory(theme=theme["fr"], question=asked, answer=f"<p>{answer}</p>"),
            **{
                language: dict(zip(EXPENSE_QUESTION["fr"], EXPENSE_QUESTION[language], strict=True))
                for language in ("nl", "en")
            },
        )
        # As wagtail-localize leaves them, each translated guide links to the French question.
        for translated in guide.values():
            GuideFAQQuestion.objects.create(page=translated, question=question["fr"])
        yield tree


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_answer_linked_to_a_guide_moved_before_the_news_comes_with_it(
    client, content, language
):
    titles = result_titles(client, language, QUERIES[language])

    guide = EXPENSES_GUIDE[language]["title"]
    answer = EXPENSE_QUESTION[language][0]
    passing_mention = BUDGET_GUIDE[language]["title"]
    assert titles[0] == guide
    assert titles[1] == answer, "the short how-to answer before the news"
    assert titles.index(answer) < titles.index(passing_mention)
