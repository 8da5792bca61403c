"""Every way to publish goes through review: wagtail-localize's sync view, "Translate this page",
publish and sync, approval of a source change, Wagtail's create, unpublish and delete views.

Each test walks a path an outside review found open, through the real admin views, on a guide
built once for the module: "Facturer un client" under a path, both live in French and translated
into Dutch and English through wagtail-localize (`invoicing_guide`).
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from guides.models import GuidePage, PathPage
from tests.guides.factories import GuidePageFactory
from tests.home.factories import build_site_tree
from tests.workflows.admin_steps import (
    NEW_STEP_TITLE,
    current_task_state,
    guide_form,
    invoicing_guide,
    live_step_titles,
    logged_in,
)
from tests.workflows.factories import staff_user_in
from translations.loop import PUBLISH_AND_SYNC
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def guides(shared_data):
    """A live French guide under a path, both translated into Dutch and English and published."""
    with shared_data():
        yield invoicing_guide(build_site_tree())


@pytest.fixture
def guide(guides):
    """The guide in each language, read afresh: what a test changes is rolled back after it."""
    return {language: GuidePage.objects.get(pk=page.pk) for language, page in guides.items()}


@pytest.fixture
def path(guides):
    """The French path the guide is in: a translated page other than a guide."""
    return PathPage.objects.get(pk=guides["fr"].get_parent().pk)


@pytest.fixture
def people(guides):
    return {
        role: logged_in(staff_user_in(role))
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


def change_french_guide_as_moderator(moderator, committing, french, title=NEW_STEP_TITLE):
    """A moderator publishes a new first step in the French guide (without syncing)."""
    committing(
        moderator,
        reverse("wagtailadmin_pages:edit", args=[french.pk]),
        guide_form(french, "action-publish", title),
    )
    return GuidePage.objects.get(pk=french.pk)


def refused(response):
    """Wagtail answers a refusal with 403, or by sending the person back to the admin's home."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] in ("/admin/", reverse("wagtailadmin_home"))
    )


def live_revision_id(page):
    return Page.objects.get(pk=page.pk).live_revision_id


# --- 1. wagtail-localize's "Update translations" view ---------------------------------------------
@pytest.mark.parametrize("role", [TRANSLATORS["fr"], TRANSLATORS["nl"], COMMUNICATION])
def test_only_whoever_may_publish_the_french_guide_may_sync_its_translations(
    people, committing, guide, role
):
    french = change_french_guide_as_moderator(people[MODERATORS], committing, guide["fr"])
    assert live_step_titles(french)[0] == NEW_STEP_TITLE
    before = {language: live_revision_id(guide[language]) for language in ["nl", "en"]}

    response = committing(
        people[role],
        reverse("wagtail_localize:update_translations", args=[source_of(french).pk]),
        {"publish_translations": "on"},
    )

    assert refused(response)
    for language, revision_id in before.items():
        assert live_revision_id(guide[language]) == revision_id
        assert live_step_titles(guide[language])[0] != NEW_STEP_TITLE


def test_a_moderators_sync_sends_an_unreviewed_dutch_segment_to_review_not_to_readers(
    people, committing, guide
):
    dutch = guide["nl"]
    translation = translation_into(guide["fr"], "nl")
    saved = translate_first_step(people[TRANSLATORS["nl"]], translation, "Niet nagelezen")
    assert saved.status_code in (200, 201)
    before = live_step_titles(dutch)

    committing(
        people[MODERATORS],
        reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        {"publish_translations": "on"},
    )

    dutch = GuidePage.objects.get(pk=dutch.pk)
    assert live_step_titles(dutch) == before
    assert dutch.workflow_in_progress, "the synced draft waits for review"
    assert dutch.get_latest_revision_as_object().steps[0].value["title"] == "Niet nagelezen"


def test_communication_syncs_a_page_other_than_a_guide(people, path):
    response = people[COMMUNICATION].get(
        reverse("wagtail_localize:update_translations", args=[source_of(path).pk])
    )

    assert response.status_code == 200


# --- 4. "Translate this page" makes drafts ----------------------------------------------------
def test_translating_a_live_french_guide_makes_draft_pages_readers_do_not_see(
    people, committing, client, path
):
    guide = GuidePageFactory(
        parent=path,
        title="Déclarer un achat",
        slug="declarer-un-achat",
        summary="Comment déclarer.",
    )
    assert guide.live

    committing(
        people[COMMUNICATION],
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        {"locales": [Locale.objects.get(language_code="nl").pk]},
    )

    dutch = Page.objects.get(translation_key=guide.translation_key, locale__language_code="nl")
    assert not dutch.live
    french_page = client.get(guide.url)
    assert b"Not translated yet" in french_page.content or b"Pas encore traduit" in (
        french_page.content
    )


# --- 6, 7. Publish and sync, and approval -----------------------------------------------------
def test_communication_is_offered_publish_and_sync_on_a_translated_page_other_than_a_guide(
    people, path
):
    response = people[COMMUNICATION].get(reverse("wagtailadmin_pages:edit", args=[path.pk]))

    assert f'value="{PUBLISH_AND_SYNC}"'.encode() in response.content


def test_communication_is_not_offered_publish_and_sync_on_a_guide(people, guide):
    response = people[COMMUNICATION].get(reverse("wagtailadmin_pages:edit", args=[guide["fr"].pk]))

    assert f'value="{PUBLISH_AND_SYNC}"'.encode() not in response.content


def test_publish_and_sync_sends_an_unreviewed_dutch_edit_to_review_and_publishes_english(
    people, committing, guide, client
):
    live_dutch = client.get(guide["nl"].url).content.decode()
    english_revision = live_revision_id(guide["en"])
    saved = translate_first_step(
        people[TRANSLATORS["nl"]], translation_into(guide["fr"], "nl"), "Niet nagelezen stap"
    )
    assert saved.status_code in (200, 201)

    committing(
        people[MODERATORS],
        reverse("wagtailadmin_pages:edit", args=[guide["fr"].pk]),
        guide_form(guide["fr"], "action-publish") | {"action-publish": PUBLISH_AND_SYNC},
    )

    dutch_page = GuidePage.objects.get(pk=guide["nl"].pk)
    assert dutch_page.workflow_in_progress
    assert "Niet nagelezen stap" not in client.get(dutch_page.url).content.decode()
    assert "Verzamel de gegevens van de klant" in live_dutch
    english_page = GuidePage.objects.get(pk=guide["en"].pk)
    assert not english_page.workflow_in_progress
    assert not english_page.has_unpublished_changes
    assert english_page.live_revision_id != english_revision, "English was published again"


def test_approving_a_french_guide_change_syncs_its_translations_into_review(
    people, committing, guide
):
    french = guide["fr"]
    last_sync = source_of(french).last_updated_at
    committing(
        people[COMMUNICATION],
        reverse("wagtailadmin_pages:edit", args=[french.pk]),
        guide_form(french, "action-submit"),
    )
    french.refresh_from_db()
    assert french.workflow_in_progress

    committing(
        people[MODERATORS],
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[french.pk, "approve", current_task_state(french).pk],
        ),
    )

    assert source_of(french).last_updated_at > last_sync
    translations = source_of(french).translations.all()
    assert len(translations) == 2
    for translation in translations:
        target = translation.get_target_instance()
        assert target.workflow_in_progress, target.locale


# --- 14. Wagtail's own views for Communication on guides --------------------------------------
def test_communication_sees_no_publish_button_on_the_new_guide_form(people, path):
    response = people[COMMUNICATION].get(f"/admin/pages/add/guides/guidepage/{path.pk}/")

    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


def test_communication_cannot_unpublish_a_guide(people, guide):
    dutch = guide["nl"]

    response = people[COMMUNICATION].post(reverse("wagtailadmin_pages:unpublish", args=[dutch.pk]))

    assert refused(response)
    assert Page.objects.get(pk=dutch.pk).live


def test_communication_cannot_delete_a_live_guide(people, guide):
    english = guide["en"]

    response = people[COMMUNICATION].post(reverse("wagtailadmin_pages:delete", args=[english.pk]))

    assert refused(response)
    assert Page.objects.filter(pk=english.pk, live=True).exists()


def test_moderators_still_unpublish_a_guide(people, guide):
    dutch = guide["nl"]

    people[MODERATORS].post(reverse("wagtailadmin_pages:unpublish", args=[dutch.pk]))

    assert not Page.objects.get(pk=dutch.pk).live
