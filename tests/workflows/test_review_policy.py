"""Every way to publish goes through review: wagtail-localize's sync view, "Translate this page",
publish and sync, approval of a source change, Wagtail's create, unpublish and delete views.

Each test walks a path an outside review found open, through the real admin views."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from tests.pages import demo_page
from tests.translations.test_translation_loop import (  # noqa: F401 (fixtures)
    FRENCH,
    commits_run,
    step_id,
    translated_guide,
    translations_of,
)
from tests.translations.test_translation_loop import guide_form as loop_guide_form
from tests.workflows.test_moderation import (
    NEW_STEP_TITLE,
    current_task_state,
    guide_form,
    live_step_titles,
    logged_in,
    person,
)
from translations.loop import PUBLISH_AND_SYNC
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

GUIDE = "getting-paid"


@pytest.fixture
def people(django_user_model):
    return {
        role: logged_in(person(django_user_model, role.lower().replace(" ", "-"), role))
        for role in [COMMUNICATION, MODERATORS, *TRANSLATORS.values()]
    }


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Runs what a request leaves for its commit (wagtail-localize publishes on commit)."""

    def post(client, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return post


def source_of(page):
    return TranslationSource.objects.get_for_instance(page)


def translation_into(page, language):
    return Translation.objects.get(source=source_of(page), target_locale__language_code=language)


def translate_first_step(client, translation, text):
    source = translation.source.get_source_instance()
    segment = StringSegment.objects.get(
        source=translation.source, string__data=source.steps[0].value["title"]
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )


def change_french_guide_as_moderator(moderator, committing, title=NEW_STEP_TITLE):
    """A moderator publishes a new first step in the French guide (without syncing)."""
    guide = demo_page("guide", GUIDE, "fr")
    committing(
        moderator,
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, "action-publish", title),
    )
    return demo_page("guide", GUIDE, "fr")


def refused(response):
    """Wagtail answers a refusal with 403, or by sending the person back to the admin's home."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] in ("/admin/", reverse("wagtailadmin_home"))
    )


def live_revision_id(page):
    return Page.objects.get(pk=page.pk).live_revision_id


# --- 1. wagtail-localize's "Update translations" view ---------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("role", [TRANSLATORS["fr"], TRANSLATORS["nl"], COMMUNICATION])
def test_only_whoever_may_publish_the_french_guide_may_sync_its_translations(
    people, committing, role
):
    french = change_french_guide_as_moderator(people[MODERATORS], committing)
    before = {lang: live_revision_id(demo_page("guide", GUIDE, lang)) for lang in ["nl", "en"]}

    response = committing(
        people[role],
        reverse("wagtail_localize:update_translations", args=[source_of(french).pk]),
        {"publish_translations": "on"},
    )

    assert refused(response)
    for language, revision_id in before.items():
        assert live_revision_id(demo_page("guide", GUIDE, language)) == revision_id
        assert live_step_titles(demo_page("guide", GUIDE, language))[0] != NEW_STEP_TITLE


@pytest.mark.django_db
def test_a_moderators_sync_sends_an_unreviewed_dutch_segment_to_review_not_to_readers(
    people, committing
):
    dutch = demo_page("guide", GUIDE, "nl")
    translation = translation_into(demo_page("guide", GUIDE, "fr"), "nl")
    saved = translate_first_step(people[TRANSLATORS["nl"]], translation, "Niet nagelezen")
    assert saved.status_code in (200, 201)
    before = live_step_titles(dutch)

    committing(
        people[MODERATORS],
        reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        {"publish_translations": "on"},
    )

    dutch = demo_page("guide", GUIDE, "nl")
    assert live_step_titles(dutch) == before
    assert dutch.workflow_in_progress, "the synced draft waits for review"
    assert dutch.get_latest_revision_as_object().steps[0].value["title"] == "Niet nagelezen"


@pytest.mark.django_db
def test_communication_syncs_a_page_other_than_a_guide(people):
    path = demo_page("path", "basic", "fr")

    response = people[COMMUNICATION].get(
        reverse("wagtail_localize:update_translations", args=[source_of(path).pk])
    )

    assert response.status_code == 200


# --- 4. "Translate this page" makes drafts ----------------------------------------------------
@pytest.mark.django_db
def test_translating_a_live_french_guide_makes_draft_pages_readers_do_not_see(
    people, committing, client
):
    parent = demo_page("path", "basic", "fr")
    guide = parent.add_child(
        instance=type(demo_page("guide", GUIDE, "fr"))(
            title="Déclarer un achat", slug="declarer-un-achat", summary="Comment déclarer."
        )
    )
    guide.save_revision().publish()

    committing(
        people[COMMUNICATION],
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        {"locales": [guide.locale.__class__.objects.get(language_code="nl").pk]},
    )

    dutch = Page.objects.get(translation_key=guide.translation_key, locale__language_code="nl")
    assert not dutch.live
    french_page = client.get(guide.url)
    assert b"Not translated yet" in french_page.content or b"Pas encore traduit" in (
        french_page.content
    )


# --- 6, 7. Publish and sync, and approval -----------------------------------------------------
@pytest.mark.django_db
def test_communication_is_offered_publish_and_sync_on_a_translated_page_other_than_a_guide(people):
    path = demo_page("path", "basic", "fr")

    response = people[COMMUNICATION].get(reverse("wagtailadmin_pages:edit", args=[path.pk]))

    assert f'value="{PUBLISH_AND_SYNC}"'.encode() in response.content


@pytest.mark.django_db
def test_communication_is_not_offered_publish_and_sync_on_a_guide(people):
    guide = demo_page("guide", GUIDE, "fr")

    response = people[COMMUNICATION].get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    assert f'value="{PUBLISH_AND_SYNC}"'.encode() not in response.content


@pytest.mark.django_db
def test_publish_and_sync_sends_an_unreviewed_dutch_edit_to_review_and_publishes_english(
    people,
    committing,
    translated_guide,  # noqa: F811 (the fixture)
    client,
):
    guide, source = translated_guide
    dutch = translations_of(source)["nl"]
    dutch_page = dutch.get_target_instance()
    live_dutch = client.get(dutch_page.url).content.decode()
    saved = translate_first_step(people[TRANSLATORS["nl"]], dutch, "Niet nagelezen stap")
    assert saved.status_code in (200, 201)

    committing(
        people[MODERATORS],
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        loop_guide_form(FRENCH, PUBLISH_AND_SYNC, step_id(guide)),
    )

    dutch_page = Page.objects.get(pk=dutch_page.pk).specific
    assert dutch_page.workflow_in_progress
    assert "Niet nagelezen stap" not in client.get(dutch_page.url).content.decode()
    assert "Bewaar het kasticket" in live_dutch
    english_page = translations_of(source)["en"].get_target_instance()
    assert not english_page.workflow_in_progress
    assert not english_page.has_unpublished_changes


@pytest.mark.django_db
def test_approving_a_french_guide_change_syncs_its_translations_into_review(
    people,
    committing,
    translated_guide,  # noqa: F811 (the fixture)
):
    guide, source = translated_guide
    last_sync = TranslationSource.objects.get(pk=source.pk).last_updated_at
    form = loop_guide_form(FRENCH, "", step_id(guide))
    del form["action-publish"]
    committing(
        people[COMMUNICATION],
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        form | {"action-submit": "1"},
    )
    guide.refresh_from_db()
    assert guide.workflow_in_progress

    committing(
        people[MODERATORS],
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[guide.pk, "approve", current_task_state(guide).pk],
        ),
    )

    assert TranslationSource.objects.get(pk=source.pk).last_updated_at > last_sync
    for translation in translations_of(source).values():
        target = translation.get_target_instance()
        assert target.workflow_in_progress, target.locale


# --- 14. Wagtail's own views for Communication on guides --------------------------------------
@pytest.mark.django_db
def test_communication_sees_no_publish_button_on_the_new_guide_form(people):
    parent = demo_page("path", "basic", "fr")

    response = people[COMMUNICATION].get(f"/admin/pages/add/guides/guidepage/{parent.pk}/")

    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


@pytest.mark.django_db
def test_communication_cannot_unpublish_a_guide(people):
    guide = demo_page("guide", GUIDE, "nl")

    response = people[COMMUNICATION].post(reverse("wagtailadmin_pages:unpublish", args=[guide.pk]))

    assert refused(response)
    assert Page.objects.get(pk=guide.pk).live


@pytest.mark.django_db
def test_communication_cannot_delete_a_live_guide(people):
    guide = demo_page("guide", GUIDE, "en")

    response = people[COMMUNICATION].post(reverse("wagtailadmin_pages:delete", args=[guide.pk]))

    assert refused(response)
    assert Page.objects.filter(pk=guide.pk, live=True).exists()


@pytest.mark.django_db
def test_moderators_still_unpublish_a_guide(people):
    guide = demo_page("guide", GUIDE, "nl")

    people[MODERATORS].post(reverse("wagtailadmin_pages:unpublish", args=[guide.pk]))

    assert not Page.objects.get(pk=guide.pk).live
