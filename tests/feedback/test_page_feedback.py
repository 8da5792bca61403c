"""'Was this page helpful?' on guides and the FAQ: votes stored with page and language, robots
kept out without CSRF cookies or other services, and the admin report.

Built once for the module in French and translated into Dutch and English: three guides, the FAQ
page, and a French news item (news takes no votes).
"""

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from feedback.models import PageFeedback
from feedback.records import TOKEN_MAX_AGE, feedback_token
from portal import page_cache
from tests.feedback.factories import PageFeedbackFactory
from tests.guides.factories import FAQPageFactory, GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
GUIDES = {
    "expense-claims": "Déclarer ses frais",
    "insurance": "Vos assurances",
    "hiring": "Engager quelqu'un",
}


@pytest.fixture(scope="module")
def pages(shared_data):
    """{("guide", key) or ("faq", "faq") or ("news", "new-portal"): {language: page}}."""
    with shared_data():
        home = build_site_tree().home
        path = PathPageFactory(parent=home["fr"])
        built = {
            ("guide", key): {"fr": GuidePageFactory(parent=path, title=title)}
            for key, title in GUIDES.items()
        }
        built["faq", "faq"] = {"fr": FAQPageFactory(parent=home["fr"])}
        news_index = NewsIndexPageFactory(parent=home["fr"])
        built["news", "new-portal"] = {
            "fr": NewsPageFactory(parent=news_index, title="Un nouveau portail")
        }
        for language in ["nl", "en"]:
            translate(path, language)
            for (kind, _key), page in built.items():
                if kind != "news":
                    page[language] = translate(page["fr"], language)
        yield built


@pytest.fixture
def page_of(pages):
    def page_of(kind, key, language="fr"):
        return pages[kind, key][language]

    return page_of


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def vote(client, page, helpful="no", comment="", age=60, **fields):
    data = {
        "token": feedback_token(page, issued_at=time.time() - age),
        "helpful": helpful,
        "comment": comment,
        "website": "",
        **fields,
    }
    return client.post(f"/{page.locale.language_code}/feedback/{page.pk}/", data)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "key"), [("guide", "expense-claims"), ("faq", "faq")])
def test_a_vote_is_stored_with_its_page_and_language_and_thanked(
    client, language, kind, key, page_of
):
    page = page_of(kind, key, language)

    response = vote(client, page, helpful="no", comment="  Step 2 lost me.  ")

    assert response.status_code == 302
    assert response["Location"] == f"{page.url}?feedback=thanks#feedback"
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.language, feedback.helpful) == (page.pk, language, False)
    assert feedback.comment == "Step 2 lost me."
    html = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert html.select_one("#feedback form") is None
    assert html.select_one("#feedback h2").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_asks_in_the_page_language_and_holds_no_csrf_token(client, language, page_of):
    guide = page_of("guide", "insurance", language)
    html = BeautifulSoup(client.get(guide.url).content, "html.parser")

    form = html.select_one("#feedback form")
    # French pages put a narrow no-break space before the question mark.
    title = {"fr": "Cette page vous a-t-elle été utile\u202f?", "nl": "Was deze pagina nuttig?"}
    assert html.select_one("#feedback h2").get_text() == title.get(
        language, "Was this page helpful?"
    )
    assert form.select_one("textarea")["maxlength"] == str(PageFeedback.COMMENT_MAX_LENGTH)
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None
    assert {button["value"] for button in form.select("button")} == {"yes", "no"}


@pytest.mark.django_db
def test_pages_with_the_form_are_still_cached(client, settings, page_of):
    settings.PAGE_CACHE_SECONDS = 600
    page_cache.next_generation()
    guide = page_of("guide", "insurance", "en")

    assert client.get(guide.url)["X-Cache"] == "MISS"
    assert client.get(guide.url)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_filled_honeypot_is_thanked_but_not_stored(client, page_of):
    guide = page_of("guide", "insurance", "fr")

    response = vote(client, guide, website="http://spam.example")

    assert "feedback=thanks" in response["Location"]
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_a_vote_sent_as_soon_as_the_page_was_shown_is_not_stored(client, page_of):
    assert "feedback=thanks" in vote(client, page_of("guide", "insurance"), age=0)["Location"]
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_an_old_forged_or_borrowed_token_asks_to_answer_again(client, page_of):
    guide = page_of("guide", "insurance", "fr")
    other = page_of("guide", "hiring", "fr")

    responses = [
        vote(client, guide, age=TOKEN_MAX_AGE + 60),
        vote(client, guide, token="not-a-token"),
        vote(client, guide, token=feedback_token(other, issued_at=time.time() - 60)),
    ]

    assert all("feedback=expired" in response["Location"] for response in responses)
    assert not PageFeedback.objects.exists()
    html = BeautifulSoup(client.get(responses[0]["Location"]).content, "html.parser")
    assert html.select_one("#feedback [role=alert]") is not None
    assert html.select_one("#feedback form") is not None


@pytest.mark.django_db
def test_no_answer_or_an_overlong_comment_is_refused(client, page_of):
    guide = page_of("guide", "insurance", "en")

    assert "feedback=error" in vote(client, guide, helpful="maybe")["Location"]
    assert "feedback=error" in vote(client, guide, comment="x" * 501)["Location"]
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_control_characters_are_removed_from_comments(client, page_of):
    vote(client, page_of("guide", "insurance", "en"), comment="Fine\x00 thanks\nreally")

    assert PageFeedback.objects.get().comment == "Fine thanks\nreally"


@pytest.mark.django_db
def test_one_address_can_vote_a_few_times_an_hour_per_page(client, page_of):
    guide = page_of("guide", "insurance", "nl")

    for _ in range(5):
        vote(client, guide, helpful="yes")
    vote(client, page_of("guide", "hiring", "nl"))

    assert PageFeedback.objects.filter(page=guide).count() == 3
    assert PageFeedback.objects.exclude(page=guide).count() == 1


@pytest.mark.django_db
def test_only_guides_and_the_faq_take_votes_and_only_by_post(client, page_of):
    news = page_of("news", "new-portal", "fr")
    guide = page_of("guide", "insurance", "fr")

    assert vote(client, news).status_code == 404
    assert client.get(f"/fr/feedback/{guide.pk}/").status_code == 405


@pytest.mark.django_db
def test_report_ranks_pages_by_unhelpful_votes_per_language(admin_client, page_of):
    insurance = {lang: page_of("guide", "insurance", lang) for lang in LANGUAGES}
    hiring = page_of("guide", "hiring", "fr")
    for helpful, page, count in [
        (False, insurance["fr"], 1),
        (False, hiring, 3),
        (True, hiring, 2),
        (False, insurance["nl"], 2),
    ]:
        PageFeedbackFactory.create_batch(count, page=page, helpful=helpful)

    response = admin_client.get("/admin/reports/page-feedback/", {"language": "fr"})

    assert response.status_code == 200
    rows = [
        (row["page__title"], row["unhelpful"], row["helpful"])
        for row in response.context["object_list"]
    ]
    assert rows == [(hiring.title, 3, 2), (insurance["fr"].title, 1, 0)]


@pytest.mark.django_db
def test_report_counts_only_the_chosen_period(admin_client, page_of):
    guide = page_of("guide", "insurance", "en")
    PageFeedbackFactory(
        page=guide, helpful=False, created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    PageFeedbackFactory(page=guide, helpful=False, comment="Unclear")

    recent = admin_client.get("/admin/reports/page-feedback/", {"period": "30"})
    ever = admin_client.get("/admin/reports/page-feedback/")
    comments = admin_client.get("/admin/reports/page-comments/")

    assert [row["unhelpful"] for row in recent.context["object_list"]] == [1]
    assert [row["unhelpful"] for row in ever.context["object_list"]] == [2]
    assert b"Unclear" in comments.content


@pytest.mark.django_db
def test_the_report_is_for_staff_only(client, django_user_model):
    member = django_user_model.objects.create_user("member", password="a-long-test-password")
    client.force_login(member)

    assert client.get("/admin/reports/page-feedback/").status_code in (302, 403)
