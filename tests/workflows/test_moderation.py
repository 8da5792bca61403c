"""Guides are published by a moderator's approval; translations by a moderator or a second
translator of their language. Everything goes through the admin's own views with the test client.

The tests work on one guide, built once for the module: "Facturer un client" under a path of the
French home page, translated into Dutch and English through wagtail-localize (`invoicing_guide`).
"""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from guides.models import GuidePage
from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.translations.factories import translate
from tests.workflows.admin_steps import (
    NEW_STEP_TITLE,
    guide_form,
    invoicing_guide,
    live_step_titles,
    logged_in,
    translate_first_step,
    workflow_action,
)
from tests.workflows.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return logged_in(staff_user("communication")), logged_in(staff_user("moderator"))


@pytest.fixture(scope="module")
def invoicing(shared_data):
    """The guide in three languages, built once for the module."""
    with shared_data():
        yield invoicing_guide(build_site_tree())


@pytest.fixture
def guide(invoicing):
    """The guide in each language, read afresh: what a test changes is rolled back after it."""
    return {language: GuidePage.objects.get(pk=page.pk) for language, page in invoicing.items()}


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_communication_staff_cannot_publish_a_guide_without_moderation(staff, guide, language):
    editor, _moderator = staff
    guide = guide[language]
    before = live_step_titles(guide)

    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, "action-publish", NEW_STEP_TITLE),
    )

    assert response.status_code == 403
    assert live_step_titles(guide) == before


def test_the_guide_editor_offers_submission_to_moderators_but_no_publish_button(staff, guide):
    editor, _moderator = staff

    response = editor.get(reverse("wagtailadmin_pages:edit", args=[guide["fr"].pk]))

    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


def test_communication_staff_still_publish_a_news_item_directly(staff, site_tree):
    editor, _moderator = staff
    french_news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=site_tree.home["fr"]),
        title="Le nouveau portail est en ligne",
    )
    translate(french_news.get_parent(), "nl")
    news = translate(
        french_news,
        "nl",
        strings={"Le nouveau portail est en ligne": "Het nieuwe portaal is online"},
    )
    news.title = "Het nieuwe portaal is online, voor iedereen"
    news.save_revision()

    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    editor.post(f"{url}?id={news.pk}", {"include_descendants": ""})

    news.refresh_from_db()
    assert news.title == "Het nieuwe portaal is online, voor iedereen"
    assert not news.has_unpublished_changes


def test_a_moderator_asks_for_changes_with_a_comment_and_then_approves(staff, guide):
    editor, moderator = staff
    guide = guide["fr"]
    before = live_step_titles(guide)

    editor.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, "action-submit", NEW_STEP_TITLE),
    )
    guide.refresh_from_db()
    assert guide.workflow_in_progress
    assert live_step_titles(guide) == before

    workflow_action(moderator, guide, "reject", {"comment": "Ajoutez le délai de paiement."})
    guide.refresh_from_db()
    rejected = TaskState.objects.filter(
        workflow_state__object_id=str(guide.pk), status=TaskState.STATUS_REJECTED
    ).get()
    assert rejected.comment == "Ajoutez le délai de paiement."
    assert guide.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert live_step_titles(guide) == before

    editor.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, "action-submit", NEW_STEP_TITLE),
    )
    guide.refresh_from_db()
    workflow_action(moderator, guide, "approve")

    assert live_step_titles(guide)[0] == NEW_STEP_TITLE
    assert not guide.workflow_in_progress


def test_communication_staff_cannot_approve_the_guide_they_submitted(staff, guide):
    editor, _moderator = staff
    guide = guide["fr"]
    editor.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, "action-submit", NEW_STEP_TITLE),
    )
    guide.refresh_from_db()

    response = workflow_action(editor, guide, "approve")

    assert response.status_code in {302, 403}
    assert guide.specific.workflow_in_progress
    assert live_step_titles(guide)[0] != NEW_STEP_TITLE


# --- Translations: reviewed by a moderator or a second translator ------------------------------
DUTCH_STEP = "Zet alle gegevens van uw klant op een rij"


def submit_for_review(client, page):
    return client.post(reverse("translations:submit_for_review", args=[page.pk]))


@pytest.fixture
def dutch_translators():
    first = staff_user("translator", languages=["nl"], username="joke")
    second = staff_user("translator", languages=["nl"], username="an")
    return logged_in(first), logged_in(second)


@pytest.fixture
def submitted_dutch_guide(dutch_translators, guide):
    translator, _second = dutch_translators
    dutch = guide["nl"]
    translate_first_step(translator, dutch, DUTCH_STEP)
    response = submit_for_review(translator, dutch)
    assert response.status_code == 302
    dutch.refresh_from_db()
    return dutch


def test_a_dutch_translator_submits_a_translation_for_review_without_publishing_it(
    submitted_dutch_guide,
):
    assert submitted_dutch_guide.workflow_in_progress
    assert live_step_titles(submitted_dutch_guide)[0] == "Verzamel de gegevens van de klant"


def test_the_translator_who_submitted_cannot_approve_her_own_translation(
    dutch_translators, submitted_dutch_guide
):
    translator, _second = dutch_translators

    response = workflow_action(translator, submitted_dutch_guide, "approve")

    assert response.status_code in {302, 403}
    assert live_step_titles(submitted_dutch_guide)[0] != DUTCH_STEP
    assert submitted_dutch_guide.specific.workflow_in_progress


def test_a_second_dutch_translator_sees_the_translation_and_approves_it(
    dutch_translators, submitted_dutch_guide
):
    _translator, second = dutch_translators

    assert submitted_dutch_guide.title == "Een klant factureren"
    assert b"Een klant factureren" in second.get(reverse("wagtailadmin_home")).content
    workflow_action(second, submitted_dutch_guide, "approve")

    assert live_step_titles(submitted_dutch_guide)[0] == DUTCH_STEP
    assert not submitted_dutch_guide.specific.workflow_in_progress


def test_a_french_translator_cannot_approve_a_dutch_translation(submitted_dutch_guide):
    french = logged_in(staff_user("translator", languages=["fr"]))

    response = workflow_action(french, submitted_dutch_guide, "approve")

    assert response.status_code in {302, 403}
    assert live_step_titles(submitted_dutch_guide)[0] != DUTCH_STEP


def test_a_moderator_approves_a_dutch_translation(staff, submitted_dutch_guide):
    _editor, moderator = staff

    workflow_action(moderator, submitted_dutch_guide, "approve")

    assert live_step_titles(submitted_dutch_guide)[0] == DUTCH_STEP


def test_a_dutch_translator_cannot_submit_an_english_translation(dutch_translators, guide):
    translator, _second = dutch_translators
    english = guide["en"]

    response = submit_for_review(translator, english)

    assert response.status_code in {302, 403}
    english.refresh_from_db()
    assert not english.workflow_in_progress
