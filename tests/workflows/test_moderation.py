"""Guides are published by a moderator's approval; translations by a moderator or a second
translator of their language. Everything goes through the admin's own views with the test client.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from tests.pages import demo_page
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

NEW_STEP_TITLE = "Vérifiez le montant avant d'envoyer"


def person(django_user_model, username, role):
    member = django_user_model.objects.create_user(username)
    member.groups.add(Group.objects.get(name=role))
    return member


def logged_in(member):
    client = Client()
    client.force_login(member)
    return client


def guide_form(guide, action, first_step_title=None):
    """The page editor's form for `guide`, as posted, with its first step's title changed."""
    steps = [
        (
            "step",
            {
                "title": block.value["title"],
                "body": rich_text(block.value["body"].source),
                "tip": block.value["tip"],
            },
        )
        for block in guide.steps
    ]
    if first_step_title:
        steps[0][1]["title"] = first_step_title
    return nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "summary": guide.summary,
            "before_you_start": streamfield(
                [("item", block.value) for block in guide.before_you_start]
            ),
            "steps": streamfield(steps),
            "video": streamfield([]),
            "downloads": streamfield([]),
            "related_guides": inline_formset(
                [{"guide": link.guide_id} for link in guide.related_guides.all()]
            ),
            "faq_questions": inline_formset(
                [{"question": link.question_id} for link in guide.faq_questions.all()]
            ),
            action: action,
        }
    )


def live_step_titles(guide):
    """The step titles members see: those of the page record, not of a draft revision."""
    live = type(guide).objects.get(pk=guide.pk)
    return [block.value["title"] for block in live.steps]


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state=page.current_workflow_state, status=TaskState.STATUS_IN_PROGRESS
    )


def workflow_action(client, page, action, data=None):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data or {})


@pytest.fixture
def staff(django_user_model):
    editor = person(django_user_model, "camille", COMMUNICATION)
    moderator = person(django_user_model, "mod", MODERATORS)
    return logged_in(editor), logged_in(moderator)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_communication_staff_cannot_publish_a_guide_without_moderation(staff, language):
    editor, _moderator = staff
    guide = demo_page("guide", "getting-paid", language)
    before = live_step_titles(guide)

    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, "action-publish", NEW_STEP_TITLE),
    )

    assert response.status_code == 403
    assert live_step_titles(guide) == before


@pytest.mark.django_db
def test_the_guide_editor_offers_submission_to_moderators_but_no_publish_button(staff):
    editor, _moderator = staff
    guide = demo_page("guide", "getting-paid", "fr")

    response = editor.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


@pytest.mark.django_db
def test_communication_staff_still_publish_a_news_item_directly(staff):
    editor, _moderator = staff
    news = demo_page("news", "new-portal", "nl")
    news.title = "Het nieuwe portaal is online, voor iedereen"
    news.save_revision()

    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    editor.post(f"{url}?id={news.pk}", {"include_descendants": ""})

    news.refresh_from_db()
    assert news.title == "Het nieuwe portaal is online, voor iedereen"
    assert not news.has_unpublished_changes


@pytest.mark.django_db
def test_a_moderator_asks_for_changes_with_a_comment_and_then_approves(staff):
    editor, moderator = staff
    guide = demo_page("guide", "getting-paid", "fr")
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


@pytest.mark.django_db
def test_communication_staff_cannot_approve_the_guide_they_submitted(staff):
    editor, _moderator = staff
    guide = demo_page("guide", "getting-paid", "fr")
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


def translate_first_step(client, page, text):
    """What wagtail-localize's editor sends when a translator saves one segment."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    source = translation.source.get_source_instance()
    segment = StringSegment.objects.get(
        source=translation.source, string__data=source.steps[0].value["title"]
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200, response.content


def submit_for_review(client, page):
    return client.post(reverse("translations:submit_for_review", args=[page.pk]))


@pytest.fixture
def dutch_translators(django_user_model):
    first = person(django_user_model, "joke", TRANSLATORS["nl"])
    second = person(django_user_model, "an", TRANSLATORS["nl"])
    return logged_in(first), logged_in(second)


@pytest.fixture
def submitted_dutch_guide(dutch_translators):
    translator, _second = dutch_translators
    guide = demo_page("guide", "invoicing-a-client", "nl")
    translate_first_step(translator, guide, DUTCH_STEP)
    response = submit_for_review(translator, guide)
    assert response.status_code == 302
    guide.refresh_from_db()
    return guide


@pytest.mark.django_db
def test_a_dutch_translator_submits_a_translation_for_review_without_publishing_it(
    submitted_dutch_guide,
):
    assert submitted_dutch_guide.workflow_in_progress
    assert live_step_titles(submitted_dutch_guide)[0] != DUTCH_STEP


@pytest.mark.django_db
def test_the_translator_who_submitted_cannot_approve_her_own_translation(
    dutch_translators, submitted_dutch_guide
):
    translator, _second = dutch_translators

    response = workflow_action(translator, submitted_dutch_guide, "approve")

    assert response.status_code in {302, 403}
    assert live_step_titles(submitted_dutch_guide)[0] != DUTCH_STEP


@pytest.mark.django_db
def test_a_second_dutch_translator_sees_the_translation_and_approves_it(
    dutch_translators, submitted_dutch_guide
):
    translator, second = dutch_translators

    assert submitted_dutch_guide.title.encode() in second.get(reverse("wagtailadmin_home")).content
    workflow_action(second, submitted_dutch_guide, "approve")

    assert live_step_titles(submitted_dutch_guide)[0] == DUTCH_STEP
    assert not submitted_dutch_guide.specific.workflow_in_progress


@pytest.mark.django_db
def test_a_french_translator_cannot_approve_a_dutch_translation(
    django_user_model, submitted_dutch_guide
):
    french = logged_in(person(django_user_model, "claire", TRANSLATORS["fr"]))

    response = workflow_action(french, submitted_dutch_guide, "approve")

    assert response.status_code in {302, 403}
    assert live_step_titles(submitted_dutch_guide)[0] != DUTCH_STEP


@pytest.mark.django_db
def test_a_moderator_approves_a_dutch_translation(staff, submitted_dutch_guide):
    _editor, moderator = staff

    workflow_action(moderator, submitted_dutch_guide, "approve")

    assert live_step_titles(submitted_dutch_guide)[0] == DUTCH_STEP


@pytest.mark.django_db
def test_a_dutch_translator_cannot_submit_an_english_translation(dutch_translators):
    translator, _second = dutch_translators
    english = demo_page("guide", "invoicing-a-client", "en")

    response = submit_for_review(translator, english)

    assert response.status_code in {302, 403}
    english.refresh_from_db()
    assert not english.workflow_in_progress
