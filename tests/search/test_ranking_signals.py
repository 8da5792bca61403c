"""Two signals beside the words' frequency in a page: how rare each word of a sentence is, and
the FAQ answers editors linked to a guide.

- In a sentence no page holds every word of, its rare words decide: the one page saying "hurt"
  ranks above short titles that share only the common "get" (PostgreSQL ranks by frequency and
  place, not rarity; Elasticsearch and SQLite weigh rarity already).
- The rank of such a sentence, written as one SQL expression for speed, scores every page as
  Django's own expressions did.
- A few words naming a task find its guide, and the FAQ answers linked to that guide come right
  after it, in every language, though they share few of the words.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Value
from modelsearch.query import PlainText
from modelsearch.utils import ADD
from wagtail.models import Page

from guides.models import GuideFAQQuestion
from search.backends.postgres import (
    WORD_RANK_SATURATION,
    MultilingualSearchQueryCompiler,
    config_for_language,
)
from search.backends.word_rank import RankByRarity
from search.backends.word_weights import rarity_weights
from tests.guides.factories import FAQPageFactory, FAQQuestionFactory, FAQThemeFactory
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.search.factories import (
    guide_in_every_language,
    in_every_language,
    paths_in_every_language,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="word rarity is weighed in the PostgreSQL backend"
)

EXPENSES_GUIDE = {
    "fr": {
        "title": "Déclarer vos frais professionnels",
        "summary": "Ce que la coopérative rembourse et comment le demander.",
        "step": "Introduisez la note de frais",
        "body": "Joignez la photo du ticket à votre note de frais.",
    },
    "nl": {
        "title": "Uw beroepskosten indienen",
        "summary": "Wat de coöperatie terugbetaalt en hoe u het aanvraagt.",
        "step": "Dien de onkostennota in",
        "body": "Voeg de foto van het kasticket bij uw onkostennota.",
    },
    "en": {
        "title": "Claim your work expenses",
        "summary": "What the cooperative pays back and how to ask for it.",
        "step": "Submit the expense claim",
        "body": "Attach the photo of the receipt to your expense claim.",
    },
}
# What each language's query names, and the words of the linked question, which shares only one
# of them (in its answer).
EXPENSE_QUERIES = {"fr": "note de frais", "nl": "onkostennota", "en": "expense claim"}
REFUND_QUESTION = {
    "fr": ("Comment me faire rembourser une dépense ?", "Introduisez une note de frais."),
    "nl": ("Hoe krijg ik een uitgave terugbetaald?", "Dien een onkostennota in."),
    "en": ("How do I get an expense paid back?", "Submit an expense claim."),
}
# News that repeat the query's words: without the link, they rank above the question.
EXPENSE_NEWS = {
    "fr": "Notes de frais : le nouveau formulaire des notes de frais",
    "nl": "Onkostennota's: het nieuwe formulier voor onkostennota's",
    "en": "Expense claims: the new form for expense claims",
}


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        paths = paths_in_every_language(tree.home)
        guides = guide_in_every_language(
            paths["basic"]["fr"],
            fr=EXPENSES_GUIDE["fr"],
            nl=EXPENSES_GUIDE["nl"],
            en=EXPENSES_GUIDE["en"],
        )
        in_every_language(
            FAQPageFactory(parent=tree.home["fr"]),
            nl={"Questions fréquentes": "Veelgestelde vragen"},
            en={"Questions fréquentes": "Frequently asked questions"},
        )
        themes = in_every_language(
            FAQThemeFactory(name="Être payé"),
            nl={"Être payé": "Betaald worden"},
            en={"Être payé": "Getting paid"},
        )
        question_fr, answer_fr = REFUND_QUESTION["fr"]
        refund = in_every_language(
            FAQQuestionFactory(
                theme=themes["fr"], question=question_fr, answer=f"<p>{answer_fr}</p>"
            ),
            **{
                language: dict(zip(REFUND_QUESTION["fr"], REFUND_QUESTION[language], strict=True))
                for language in ("nl", "en")
            },
        )
        # Each guide links to the French question, as wagtail-localize leaves a translated
        # guide's links; each shows the question of its own language.
        for guide in guides.values():
            GuideFAQQuestion.objects.create(page=guide, question=refund["fr"])
        news_index = in_every_language(
            NewsIndexPageFactory(parent=tree.home["fr"]),
            nl={"Actualités": "Nieuws"},
            en={"Actualités": "News"},
        )
        in_every_language(
            NewsPageFactory(
                parent=news_index["fr"], title=EXPENSE_NEWS["fr"], summary=EXPENSE_NEWS["fr"]
            ),
            nl={EXPENSE_NEWS["fr"]: EXPENSE_NEWS["nl"]},
            en={EXPENSE_NEWS["fr"]: EXPENSE_NEWS["en"]},
        )
        insurance = guide_in_every_language(
            paths["basic"]["fr"],
            fr={
                "title": "Savoir comment vous êtes assuré",
                "summary": "Les assurances de vos jours de contrat.",
                "step": "Lisez la couverture",
                "body": "Vous êtes couvert si vous vous blessez en travaillant.",
            },
            nl={
                "title": "Weten hoe u verzekerd bent",
                "summary": "De verzekeringen van uw contractdagen.",
                "step": "Lees de dekking",
                "body": "U bent gedekt als u gewond raakt tijdens het werk.",
            },
            en={
                "title": "Know how you are insured",
                "summary": "The insurance of your contract days.",
                "step": "Read the cover",
                "body": "You are covered if you are hurt while working.",
            },
        )
        # Short titles sharing only the sentence's common word ("get"), which many answers use.
        common = [
            "When do I get paid?",
            "How do I get a company number?",
            "What do I get?",
            *(f"Who handles question {number}?" for number in range(1, 11)),
        ]
        for title in common:
            FAQQuestionFactory(
                theme=themes["en"],
                locale=themes["en"].locale,
                question=title,
                answer="<p>Ask your adviser: you get an answer within two days.</p>",
            )
        yield {"guides": guides, "refund": refund, "insurance": insurance}


def result_titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(" ", strip=True) for a in html.select(".search-result__title a")]


@pytest.mark.django_db
def test_the_rare_word_of_a_sentence_decides_its_ranking(client, content):
    titles = result_titles(client, "en", "what happens if I get hurt during a shoot")

    assert titles[0] == "Know how you are insured"


@pytest.mark.django_db
def test_a_rarer_word_weighs_more_and_the_count_is_kept(content, django_assert_num_queries):
    weights = rarity_weights("portal_en", ["'hurt'", "'get'"])

    assert weights["'hurt'"] == 1.0
    assert 0 < weights["'get'"] < 0.5
    with django_assert_num_queries(0):
        assert rarity_weights("portal_en", ["'hurt'", "'get'"]) == weights


def rank_from_djangos_expressions(compiler, config, wordings):
    """The rank RankByRarity writes as text, built from Django's own expressions as it was."""

    def word_rank(word):
        rank = ADD(
            SearchRank(
                vector,
                SearchQuery(word, search_type="plain", config=config),
                weights=compiler.sql_weights,
            )
            * boost
            for vector, boost in compiler.get_index_vectors(None)
        )
        return rank / (rank + WORD_RANK_SATURATION)

    return ADD(
        ADD(word_rank(word) * weight for word, weight in words) if words else Value(0.0)
        for words in wordings
    ) / len(wordings)


# Per language: a rare word of the insurance guide, a word of the expenses guide, a title word.
RANKED_WORDS = {
    "fr": ("blessez", "frais", "assuré"),
    "nl": ("gewond", "onkostennota", "verzekerd"),
    "en": ("hurt", "expense", "insured"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_rank_written_as_text_scores_as_djangos_expressions_do(content, language):
    rare, shared, title = RANKED_WORDS[language]
    # Two wordings (a glossary term's) sharing a word, and one of only stop words.
    wordings = [[(rare, 1.0), (shared, 0.3), (title, 0.8)], [(shared, 0.5)], []]
    # Each word once, weighed by the share of the wordings' weights it carries.
    words = [(rare, 1.0 / 3), (shared, 0.8 / 3), (title, 0.8 / 3)]
    config = config_for_language(language)
    # The vectors and weights the search ranks with (any query will do).
    compiler = MultilingualSearchQueryCompiler(Page.objects.none(), PlainText(rare))
    pages = Page.objects.filter(locale__language_code=language, depth__gt=2)

    scores = dict(
        pages.annotate(
            score=RankByRarity(
                compiler.get_index_vectors(None),
                words,
                config,
                compiler.sql_weights,
                WORD_RANK_SATURATION,
            )
        ).values_list("pk", "score")
    )
    expected = dict(
        pages.annotate(score=rank_from_djangos_expressions(compiler, config, wordings)).values_list(
            "pk", "score"
        )
    )

    assert scores == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert sum(score > 0 for score in scores.values()) >= 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_answers_linked_to_a_guide_follow_it(client, content, language):
    titles = result_titles(client, language, EXPENSE_QUERIES[language])

    guide = EXPENSES_GUIDE[language]["title"]
    question = REFUND_QUESTION[language][0].replace(" ?", "\u202f?")
    assert titles.index(question) == titles.index(guide) + 1


@pytest.mark.django_db
def test_an_answer_no_guide_links_to_is_not_lifted(client, content):
    GuideFAQQuestion.objects.filter(page=content["guides"]["en"]).delete()

    titles = result_titles(client, "en", EXPENSE_QUERIES["en"])

    assert titles.index("How do I get an expense paid back?") > titles.index(EXPENSE_NEWS["en"])
