"""The FAQ page of each language: questions by theme with anchors, schema.org data, links from
guides, and questions found by search.

One FAQ, built once for the module: two themes, three questions (one for the Expert path only)
and a guide linking two of them, in French and translated into Dutch and English.
"""

import json
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.search.backends import get_search_backend
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import Translation

from guides.models import FAQPage, FAQQuestion, FAQTheme, GuideFAQQuestion, Level, PathPage
from home.models import HomePage
from portal.punctuation import french_spacing
from portal.templatetags.portal_tags import json_ld
from tests.guides.factories import (
    FAQPageFactory,
    FAQQuestionFactory,
    FAQThemeFactory,
    GuidePageFactory,
    PathPageFactory,
)
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]

# Each question in French, Dutch and English; the theme's sort order puts "activity" first.
THEMES = {
    "paid": (2, {"fr": "Être payé", "nl": "Betaald worden", "en": "Getting paid"}),
    "activity": (1, {"fr": "Votre activité", "nl": "Uw activiteit", "en": "Your activity"}),
}
QUESTIONS = {
    "when-paid": (
        "paid",
        "",
        {
            "fr": ("Quand serai-je payé ?", "Le 10 du mois qui suit votre prestation."),
            "nl": ("Wanneer word ik betaald?", "Op de 10e van de maand na uw prestatie."),
            "en": ("When do I get paid?", "On the 10th of the month after your work."),
        },
    ),
    "company-number": (
        "activity",
        "",
        {
            "fr": (
                "Ai-je besoin d'un numéro d'entreprise ?",
                "Non : vous facturez sous le numéro d'entreprise de la coopérative.",
            ),
            "nl": (
                "Heb ik een ondernemingsnummer nodig?",
                "Nee: u factureert onder het ondernemingsnummer van de coöperatie.",
            ),
            "en": (
                "Do I need a company number?",
                "No: you invoice under the cooperative's company number.",
            ),
        },
    ),
    "copyright-agreement": (
        "activity",
        Level.EXPERT,
        {
            "fr": ("Comment déclarer des droits d'auteur ?", "Joignez la convention signée."),
            "nl": ("Hoe geef ik auteursrechten aan?", "Voeg de ondertekende overeenkomst toe."),
            "en": ("How do I declare copyright?", "Attach the signed agreement."),
        },
    ),
}


@dataclass
class FAQSite:
    faq: dict
    questions: dict
    guide: dict


def build_faq():
    """The FAQ page, themes, questions and a guide linking two questions, in every language."""
    home = build_site_tree().home
    faq = {"fr": FAQPageFactory(parent=home["fr"])}
    themes = {}
    for key, (sort_order, names) in THEMES.items():
        themes[key] = FAQThemeFactory(name=names["fr"], sort_order=sort_order)
        for language in ["nl", "en"]:
            translate(themes[key], language, strings={names["fr"]: names[language]})
    questions = {}
    for key, (theme, level, texts) in QUESTIONS.items():
        question, answer = texts["fr"]
        source = FAQQuestionFactory(
            question=question, answer=f"<p>{answer}</p>", theme=themes[theme], level=level
        )
        questions[key] = {"fr": source}
        for language in ["nl", "en"]:
            strings = dict(zip(texts["fr"], texts[language], strict=True))
            questions[key][language] = translate(source, language, strings=strings)
    path = PathPageFactory(parent=home["fr"])
    guide = {
        "fr": GuidePageFactory(
            parent=path,
            title="Déclarer ses frais",
            # In the order an editor put them, as the admin's form numbers them.
            faq_questions=[
                GuideFAQQuestion(question=questions["when-paid"]["fr"], sort_order=0),
                GuideFAQQuestion(question=questions["company-number"]["fr"], sort_order=1),
            ],
        )
    }
    expert = PathPageFactory(parent=home["fr"], level=Level.EXPERT)
    for language in ["nl", "en"]:
        faq[language] = translate(faq["fr"], language)
        translate(path, language)
        translate(expert, language)
        guide[language] = translate(guide["fr"], language)
    return FAQSite(faq=faq, questions=questions, guide=guide)


@pytest.fixture(scope="module")
def faq_site(shared_data):
    with shared_data():
        yield build_faq()


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response, BeautifulSoup(response.content, "html.parser")


def schema_of(html):
    # The FAQ's own data, besides the breadcrumb trail every page below home carries.
    blocks = [
        block
        for block in html.find_all("script", type="application/ld+json")
        if '"BreadcrumbList"' not in block.string
    ]
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_lists_every_question_of_its_language_by_theme_with_its_own_anchor(
    client, faq_site, language
):
    _response, html = render(client, faq_site.faq[language])

    questions = FAQQuestion.objects.filter(locale__language_code=language)
    assert questions.count() == len(QUESTIONS)
    shown = html.select("article.faq")
    assert {entry["id"] for entry in shown} == {question.anchor for question in questions}
    assert len({entry["id"] for entry in shown}) == len(shown)
    themes = FAQTheme.objects.filter(locale__language_code=language).order_by("sort_order")
    assert [h2.get_text() for h2 in html.select(".faq-theme > h2")] == [t.name for t in themes]
    assert [t.name for t in themes] == [
        THEMES["activity"][1][language],
        THEMES["paid"][1][language],
    ]
    # The table of themes leads to each theme's heading.
    for link in html.select(".faq-themes a"):
        assert html.find(id=link["href"].lstrip("#")) is not None


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_questions_link_the_path_they_belong_to(client, faq_site, language):
    _response, html = render(client, faq_site.faq[language])

    question = faq_site.questions["copyright-agreement"][language]
    entry = html.find(id=question.anchor)
    path_link = entry.select_one(".faq__path a.path-link--expert")
    expert = PathPage.objects.get(locale=question.locale, level=Level.EXPERT)
    assert (path_link.get_text(), path_link["href"]) == (expert.title, expert.url)
    # A question for every path names none.
    assert html.find(id=faq_site.questions["when-paid"][language].anchor).select(".path-link") == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_answer_leads_to_the_guides_that_point_to_its_question(client, faq_site, language):
    _response, html = render(client, faq_site.faq[language])
    guide = faq_site.guide[language]

    for key in ["when-paid", "company-number"]:
        entry = html.find(id=faq_site.questions[key][language].anchor)
        links = entry.select(".faq__next a.more-link")
        assert [link["href"] for link in links] == [guide.url]
        assert guide.title in links[0].get_text()
    # No guide points to this one, and this site has no contact page to offer instead.
    lonely = html.find(id=faq_site.questions["copyright-agreement"][language].anchor)
    assert lonely.select(".faq__next a.more-link") == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_carries_schema_org_faqpage_data_allowed_by_the_content_security_policy(
    client, faq_site, language
):
    response, html = render(client, faq_site.faq[language])

    schema = schema_of(html)
    assert schema["@type"] == "FAQPage"
    assert schema["inLanguage"] == language
    questions = FAQQuestion.objects.filter(locale__language_code=language)
    assert {entry["name"] for entry in schema["mainEntity"]} == {q.question for q in questions}
    assert all(entry["acceptedAnswer"]["text"].startswith("<p>") for entry in schema["mainEntity"])
    assert all(entry["@id"].startswith("http") for entry in schema["mainEntity"])
    # The block is data, not script: the strict policy stays as it is, with no inline script.
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    inline = [script for script in html.find_all("script") if not script.get("src")]
    assert {script["type"] for script in inline} == {"application/ld+json"}


def test_schema_org_data_cannot_close_its_script_block():
    rendered = json_ld({"name": "</script><script>alert(1)</script> & <!--"})

    assert rendered.count("</script>") == 1
    assert "<!--" not in rendered
    assert json.loads(rendered.split(">", 1)[1].rsplit("<", 1)[0])["name"].startswith("</script>")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guides_link_their_questions_on_the_faq_of_their_language(client, faq_site, language):
    faq = faq_site.faq[language]
    _response, html = render(client, faq_site.guide[language])
    _faq_response, faq_html = render(client, faq)

    links = html.select(".guide-questions a")
    typeset = french_spacing if language == "fr" else str
    assert [link.get_text() for link in links] == [
        typeset(faq_site.questions[key][language].question)
        for key in ["when-paid", "company-number"]
    ]
    for link in links:
        url, anchor = link["href"].split("#")
        assert url == faq.url
        entry = faq_html.find(id=anchor)
        assert entry is not None
        assert entry.h3.get_text() == link.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query"),
    [("fr", "numéro d'entreprise"), ("nl", "ondernemingsnummer"), ("en", "company number")],
)
def test_questions_are_found_by_search_in_their_language(faq_site, locales, language, query):
    # As the unified search does: the query is analysed with the rules of its language.
    with translation.override(language):
        found = list(
            get_search_backend().search(query, FAQQuestion.objects.filter(locale=locales[language]))
        )

    assert found[0] == faq_site.questions["company-number"][language]
    assert found[0].get_url().startswith(faq_site.faq[language].url + "#question-")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_and_english_questions_are_wagtail_localize_translations(faq_site, language):
    source = faq_site.questions["copyright-agreement"]["fr"]
    target = faq_site.questions["copyright-agreement"][language]

    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=target.locale
    )
    assert translation.get_target_instance().pk == target.pk
    assert target.question != source.question
    # The theme follows the question into the target language.
    assert target.theme.locale_id == target.locale_id
    assert target.level == source.level


@pytest.mark.usefixtures("faq_site")
class FAQPageRulesTests(WagtailPageTestCase):
    def test_there_is_one_faq_page_per_home_page(self):
        self.assertAllowedParentPageTypes(FAQPage, {HomePage})
        self.assertAllowedSubpageTypes(FAQPage, set())
        home = HomePage.objects.get(locale__language_code="fr")
        assert not FAQPage.can_create_at(home)
        other_home = HomePage.objects.get(locale__language_code="nl")
        FAQPage.objects.get(locale__language_code="nl").delete()
        assert FAQPage.can_create_at(other_home)

    def test_faq_page_opens_in_the_editor_and_questions_in_the_snippets(self):
        self.login()
        faq = FAQPage.objects.get(locale__language_code="fr")
        assert self.client.get(f"/admin/pages/{faq.pk}/edit/").status_code == 200
        question = FAQQuestion.objects.filter(locale=faq.locale).first()
        response = self.client.get(f"/admin/snippets/guides/faqquestion/edit/{question.pk}/")
        assert response.status_code == 200
