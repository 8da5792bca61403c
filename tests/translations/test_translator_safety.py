"""A translator's day in wagtail-localize's editor: nothing destructive one click away, no text
lost when sync stops or starts again, and a translation that does not validate named, not a 500.

Everything goes through the real admin views with the test client, as translators use them.
"""

import html
import json
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Revision, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from portal import page_cache
from tests.pages import demo_page
from tests.translations.test_translation_loop import (
    guide_form,
    publish_french_guide,
    step_id,
    submit_for_translation,
    translate_and_publish,
    translations_of,
)
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

NEW_DUTCH_SUMMARY = "Door de vertaler herschreven samenvatting, nog niet gepubliceerd."


@pytest.fixture(autouse=True)
def commits_run(django_capture_on_commit_callbacks, client):
    """Every request commits, as in production: wagtail-localize publishes on commit."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    yield
    page_cache.next_generation()


def in_english(person):
    """The admin speaks English to `person`, so messages read as in these tests."""
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


def member_of(django_user_model, role):
    person = django_user_model.objects.create_user(f"{role.lower().replace(' ', '-')}-safety")
    person.groups.add(Group.objects.get(name=role))
    return in_english(person)


@pytest.fixture
def dutch_translator(client, django_user_model):
    client.force_login(member_of(django_user_model, TRANSLATORS["nl"]))
    return client


def dutch_guide():
    """The demo's Dutch "invoicing a client" guide: a live, synced translation of the French."""
    return demo_page("guide", "invoicing-a-client", "nl")


def translation_into(page):
    source = TranslationSource.objects.get(
        object_id=page.translation_key, translations__target_locale=page.locale
    )
    return source.translations.get(target_locale=page.locale)


def translate(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content


def segment_at(translation, path):
    return StringSegment.objects.filter(
        source=translation.source, context__path__regex=path
    ).order_by("order")[0]


def editor_props(response):
    found = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    return json.loads(html.unescape(found.group(1)))


def main_action(response):
    """The main button of the translation editor's footer, as its opening tag and its label."""
    footer = response.content.decode().split("data-translation-editor-actions", 1)[1]
    button = re.search(r"<(a|button)\b[^>]*\bdata-main-action\b[^>]*>(.*?)</\1>", footer, re.S)
    assert button is not None, "the editor has no main button"
    return button.group(0).split(">", 1)[0], re.sub(r"<[^>]+>", "", button.group(2)).strip()


# --- The editor's main button ------------------------------------------------------------------
@pytest.mark.django_db
def test_in_a_dutch_translators_editor_the_main_button_submits_the_guide_for_review(
    dutch_translator,
):
    guide = dutch_guide()

    response = dutch_translator.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    assert response.status_code == 200
    props = editor_props(response)
    # wagtail-localize's editor would make convert-to-alias its main button: it gets no link.
    assert props["links"]["convertToAliasUrl"] is None
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[guide.pk])
    assert convert_url not in response.content.decode()
    tag, label = main_action(response)
    review_url = reverse("translations:submit_for_review", args=[guide.pk])
    assert f'href="{review_url}"' in tag
    assert label == "Submit the translation for review"
    # wagtail-localize's footer, whose main button would be "Stop synced translation", is hidden.
    assert ".js-translation-editor footer.footer { display: none; }" in response.content.decode()


@pytest.mark.django_db
def test_in_a_moderators_editor_the_main_button_publishes_and_convert_is_secondary(
    client, django_user_model
):
    client.force_login(member_of(django_user_model, MODERATORS))
    guide = dutch_guide()

    response = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    tag, label = main_action(response)
    assert 'name="action" value="publish"' in tag and label.startswith("Publish in ")
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[guide.pk])
    assert editor_props(response)["links"]["convertToAliasUrl"] == convert_url


# --- Convert to alias --------------------------------------------------------------------------
@pytest.mark.django_db
def test_converting_a_translation_to_an_alias_explains_what_is_lost_and_asks_first(
    client, django_user_model
):
    client.force_login(member_of(django_user_model, MODERATORS))
    guide = dutch_guide()
    french = demo_page("guide", "invoicing-a-client", "fr")
    url = reverse("wagtail_localize:convert_to_alias", args=[guide.pk])

    asked = client.get(url)
    # What the translation editor's button used to do: post at once.
    posted_without_confirming = client.post(url)

    for response in (asked, posted_without_confirming):
        assert response.status_code == 200
        text = response.content.decode()
        assert "is lost, with every edit translators made to it" in text
        assert "cannot be undone" in text
    guide.refresh_from_db()
    assert guide.alias_of_id is None and guide.title == "Een klant factureren"

    confirmed = client.post(url, {"confirm": "yes"})

    assert confirmed.status_code == 302
    guide.refresh_from_db()
    assert guide.alias_of_id == french.pk


@pytest.mark.django_db
@pytest.mark.parametrize("role", [TRANSLATORS["nl"], COMMUNICATION])
def test_only_those_who_publish_guides_directly_may_convert_a_dutch_guide_to_an_alias(
    client, django_user_model, role
):
    client.force_login(member_of(django_user_model, role))
    guide = dutch_guide()
    url = reverse("wagtail_localize:convert_to_alias", args=[guide.pk])

    assert client.get(url).status_code == 403
    assert client.post(url, {"confirm": "yes"}).status_code == 403
    guide.refresh_from_db()
    assert guide.alias_of_id is None


# --- Stop sync ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_stopping_sync_asks_then_keeps_the_translators_text_as_a_draft_and_the_live_page_as_is(
    dutch_translator,
):
    guide = dutch_guide()
    live_summary = guide.summary
    translation = translation_into(guide)
    translate(
        dutch_translator, translation, segment_at(translation, r"^summary$"), NEW_DUTCH_SUMMARY
    )
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])

    asked = dutch_translator.get(url)
    # wagtail-localize's editor posts to this address straight from its menu.
    posted_without_confirming = dutch_translator.post(url, {"next": "/admin/"})

    for response in (asked, posted_without_confirming):
        assert response.status_code == 200
        assert "saved as a draft of the page" in response.content.decode()
    translation.refresh_from_db()
    assert translation.enabled

    stopped = dutch_translator.post(url, {"confirm": "yes"})

    assert stopped.status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled
    guide.refresh_from_db()
    assert guide.summary == live_summary and guide.has_unpublished_changes
    assert guide.get_latest_revision_as_object().summary == NEW_DUTCH_SUMMARY
    assert NEW_DUTCH_SUMMARY not in dutch_translator.get(guide.url).content.decode()
    editor = dutch_translator.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert NEW_DUTCH_SUMMARY in editor.content.decode()


@pytest.mark.django_db
def test_stopping_sync_on_a_translation_that_does_not_validate_names_it_and_keeps_sync(
    dutch_translator,
):
    guide = dutch_guide()
    translation = translation_into(guide)
    taken = Page.objects.sibling_of(guide, inclusive=False).first().slug
    translate(dutch_translator, translation, segment_at(translation, r"^slug$"), taken)
    revisions = Revision.page_revisions.filter(object_id=str(guide.pk)).count()

    response = dutch_translator.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"confirm": "yes"}
    )

    assert response.status_code == 200
    assert f"Slug: The slug &#x27;{taken}&#x27; is already in use" in response.content.decode()
    translation.refresh_from_db()
    assert translation.enabled
    assert Revision.page_revisions.filter(object_id=str(guide.pk)).count() == revisions


@pytest.mark.django_db
def test_stopping_someone_elses_language_is_refused_and_an_unknown_translation_is_not_found(
    client, django_user_model
):
    client.force_login(member_of(django_user_model, TRANSLATORS["en"]))
    translation = translation_into(dutch_guide())

    refused = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"confirm": "yes"}
    )
    # (The language prefix middleware first tries the address under /fr/.)
    unknown = client.get(reverse("wagtail_localize:stop_translation", args=[987654]), follow=True)

    assert refused.status_code == 403 and unknown.status_code == 404
    translation.refresh_from_db()
    assert translation.enabled


# --- Restart sync ------------------------------------------------------------------------------
@pytest.fixture
def hand_edited_dutch_guide(client, django_user_model, locales):
    """A new guide translated into Dutch in the editor, then stopped and edited by hand."""
    admin = in_english(
        django_user_model.objects.create_superuser("safety-admin", "", "a-long-password")
    )
    client.force_login(admin)
    guide = publish_french_guide(client)
    submit_for_translation(
        client,
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        locales,
        ["nl"],
    )
    source = TranslationSource.objects.get_for_instance(guide)
    dutch = translate_and_publish(client, source, "nl")
    translation = translations_of(source)["nl"]
    client.force_login(member_of(django_user_model, TRANSLATORS["nl"]))
    stopped = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"confirm": "yes"}
    )
    assert stopped.status_code == 302
    by_hand = {
        "title": "Een aankoop aangeven",
        "slug": "een-aankoop-aangeven",
        "summary": "Met de hand herschreven door de Nederlandse vertaler.",
        "step": "Bewaar het kasticket",
        "body": "Neem een foto van het kasticket.",
    }
    form = guide_form(by_hand, step_id=step_id(dutch))
    del form["action-publish"]
    saved = client.post(reverse("wagtailadmin_pages:edit", args=[dutch.pk]), form)
    assert saved.status_code == 302
    return dutch, translation, by_hand


@pytest.mark.django_db
def test_restarting_sync_lists_the_hand_edits_it_would_overwrite_and_keeps_them(
    client, django_user_model, hand_edited_dutch_guide
):
    dutch, translation, by_hand = hand_edited_dutch_guide
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])

    # The page editor's "Start Synced translation" button.
    pressed = client.post(edit_url, {"localize-restart-translation": "Start Synced translation"})

    restart_url = reverse("translations:restart", args=[translation.pk])
    assert pressed.status_code == 302 and pressed.url == restart_url
    translation.refresh_from_db()
    assert not translation.enabled
    asked = client.get(restart_url)
    text = asked.content.decode()
    assert "Summary" in text and by_hand["summary"] in text
    # What the stored translation would have put back.
    assert "Hoe u een aankoop voor uw activiteit aangeeft." in text

    restarted = client.post(restart_url, {"confirm": "yes"})

    assert restarted.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled
    summary = segment_at(translation, r"^summary$")
    kept = StringTranslation.objects.get(
        translation_of=summary.string, locale=translation.target_locale, context=summary.context
    )
    assert kept.data == by_hand["summary"]
    # Publishing the synced translation now puts the hand-edited text live, not the old one.
    admin = django_user_model.objects.create_superuser("safety-publisher", "", "a-long-password")
    client.force_login(admin)
    client.post(edit_url, {"action": "publish"})
    dutch.refresh_from_db()
    assert dutch.summary == by_hand["summary"] and dutch.live


# --- Submit for review -------------------------------------------------------------------------
@pytest.mark.django_db
def test_submitting_an_invalid_translation_names_the_fields_and_writes_nothing(
    dutch_translator,
):
    guide = dutch_guide()
    translation = translation_into(guide)
    sibling = Page.objects.sibling_of(guide, inclusive=False).filter(locale=guide.locale).first()
    translate(dutch_translator, translation, segment_at(translation, r"^slug$"), sibling.slug)
    long_title = "Spreek met de klant af " + "x" * 120
    translate(
        dutch_translator, translation, segment_at(translation, r"^steps\..*\.title$"), long_title
    )
    revisions = Revision.page_revisions.filter(object_id=str(guide.pk)).count()

    response = dutch_translator.post(reverse("translations:submit_for_review", args=[guide.pk]), {})

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert f"Slug: The slug '{sibling.slug}' is already in use" in text
    assert "Steps › Step 1 › Title: Ensure this value has at most 120 characters" in text
    assert Revision.page_revisions.filter(object_id=str(guide.pk)).count() == revisions
    assert not WorkflowState.objects.for_instance(guide).exists()
    guide.refresh_from_db()
    assert not guide.has_unpublished_changes
