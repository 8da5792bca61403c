"""The FAQ page of each language: questions by theme with anchors, schema.org data, links from
guides, and questions found by search."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.search.backends import get_search_backend
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import Translation

from demo.loader import demo_key
from guides.models import FAQPage, FAQQuestion, FAQTheme
from home.models import HomePage
from portal.templatetags.portal_tags import json_ld
from tests.pages import LANGUAGES, demo_page


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response, BeautifulSoup(response.content, "html.parser")


def question_in(key, language):
    return FAQQuestion.objects.get(
        translation_key=demo_key("faq-question", key), locale__language_code=language
    )


def schema_of(html):
    blocks = html.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_lists_every_question_of_its_language_by_theme_with_its_own_anchor(client, language):
    faq = demo_page("faq", "faq", language)
    _response, html = render(client, faq)

    questions = FAQQuestion.objects.filter(locale__language_code=language)
    assert questions.count() >= 15
    shown = html.select("article.faq")
    assert {entry["id"] for entry in shown} == {question.anchor for question in questions}
    assert len({entry["id"] for entry in shown}) == len(shown)
    themes = FAQTheme.objects.filter(locale__language_code=language).order_by("sort_order")
    assert [h2.get_text() for h2 in html.select(".faq-theme > h2")] == [t.name for t in themes]
    # The table of themes leads to each theme's heading.
    for link in html.select(".faq-themes a"):
        assert html.find(id=link["href"].lstrip("#")) is not None


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_questions_show_the_path_they_belong_to(client, language):
    faq = demo_page("faq", "faq", language)
    _response, html = render(client, faq)

    question = question_in("copyright-agreement", language)
    entry = html.find(id=question.anchor)
    assert entry.select_one(".level-badge--expert").get_text() == "Smart Expert"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_carries_schema_org_faqpage_data_allowed_by_the_content_security_policy(
    client, language
):
    faq = demo_page("faq", "faq", language)
    response, html = render(client, faq)

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
    assert [script["type"] for script in inline] == ["application/ld+json"]


def test_schema_org_data_cannot_close_its_script_block():
    rendered = json_ld({"name": "</script><script>alert(1)</script> & <!--"})

    assert rendered.count("</script>") == 1
    assert "<!--" not in rendered
    assert json.loads(rendered.split(">", 1)[1].rsplit("<", 1)[0])["name"].startswith("</script>")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guides_link_their_questions_on_the_faq_of_their_language(client, language):
    guide = demo_page("guide", "expense-claims", language)
    faq = demo_page("faq", "faq", language)
    _response, html = render(client, guide)
    _faq_response, faq_html = render(client, faq)

    links = html.select(".guide-questions a")
    assert links
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
def test_questions_are_found_by_search_in_their_language(locales, language, query):
    # As the unified search does: the query is analysed with the rules of its language.
    with translation.override(language):
        found = list(
            get_search_backend().search(query, FAQQuestion.objects.filter(locale=locales[language]))
        )

    assert found[0].translation_key == demo_key("faq-question", "company-number")
    assert found[0].get_url().startswith(demo_page("faq", "faq", language).url + "#question-")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_and_english_questions_are_wagtail_localize_translations(language):
    source = question_in("when-paid", "fr")
    target = question_in("when-paid", language)

    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=target.locale
    )
    assert translation.get_target_instance().pk == target.pk
    assert target.question != source.question
    # The theme follows the question into the target language.
    assert target.theme.locale_id == target.locale_id
    assert target.level == source.level


class FAQPageRulesTests(WagtailPageTestCase):
    def test_there_is_one_faq_page_per_home_page(self):
        self.assertAllowedParentPageTypes(FAQPage, {HomePage})
        self.assertAllowedSubpageTypes(FAQPage, set())
        home = demo_page("page", "home", "fr")
        assert not FAQPage.can_create_at(home)

    def test_faq_page_opens_in_the_editor_and_questions_in_the_snippets(self):
        self.login()
        faq = demo_page("faq", "faq", "fr")
        assert self.client.get(f"/admin/pages/{faq.pk}/edit/").status_code == 200
        question = FAQQuestion.objects.filter(locale=faq.locale).first()
        response = self.client.get(f"/admin/snippets/guides/faqquestion/edit/{question.pk}/")
        assert response.status_code == 200
