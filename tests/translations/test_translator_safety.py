"""A translator's day in wagtail-localize's editor: nothing destructive one click away, no text
lost when sync stops or starts again, and a translation that does not validate named, not a 500.

Everything goes through the real admin views with the test client, as translators use them, on
one guide built once for the module: "Facturer un client" in French and its live Dutch translation
made through wagtail-localize, beside a second Dutch guide whose slug a translator could take.
"""

import html
import json
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from guides.models import GuidePage
from portal import page_cache
from tests.guides.factories import GuidePageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate
from tests.workflows.admin_steps import guide_form, invoicing_guide
from tests.workflows.factories import UserFactory, staff_user_in
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

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


def member_of(role):
    """A member of the group `role`, to whom the admin speaks English, as these tests read it."""
    return staff_user_in(role, admin_language="en")


@pytest.fixture(scope="module")
def guides(shared_data):
    """The guide in French and Dutch (`invoicing_guide`), and "Betaald worden" beside it."""
    with shared_data():
        invoicing = invoicing_guide(build_site_tree(), languages=["nl"])
        getting_paid = GuidePageFactory(
            parent=invoicing["fr"].get_parent(), title="Être payé", slug="etre-paye"
        )
        in_dutch = {"Être payé": "Betaald worden", "etre-paye": "betaald-worden"}
        yield {**invoicing, "sibling": translate(getting_paid, "nl", strings=in_dutch)}


@pytest.fixture
def dutch_guide(guides):
    """The Dutch "Een klant factureren": a live, synced translation of the French guide."""
    return GuidePage.objects.get(pk=guides["nl"].pk)


@pytest.fixture
def dutch_translator(client, dutch_guide):
    client.force_login(member_of(TRANSLATORS["nl"]))
    return client


def translation_into(page):
    source = TranslationSource.objects.get(
        object_id=page.translation_key, translations__target_locale=page.locale
    )
    return source.translations.get(target_locale=page.locale)


def translate_segment(client, translation, segment, value):
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
def test_in_a_dutch_translators_editor_the_main_button_submits_the_guide_for_review(
    dutch_translator, dutch_guide
):
    guide = dutch_guide

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


def test_in_a_moderators_editor_the_main_button_publishes_and_convert_is_secondary(
    client, dutch_guide
):
    client.force_login(member_of(MODERATORS))
    guide = dutch_guide

    response = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    tag, label = main_action(response)
    assert 'name="action" value="publish"' in tag and label.startswith("Publish in ")
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[guide.pk])
    assert editor_props(response)["links"]["convertToAliasUrl"] == convert_url


# --- Convert to alias --------------------------------------------------------------------------
def test_converting_a_translation_to_an_alias_explains_what_is_lost_and_asks_first(
    client, guides, dutch_guide
):
    client.force_login(member_of(MODERATORS))
    guide = dutch_guide
    french = guides["fr"]
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


@pytest.mark.parametrize("role", [TRANSLATORS["nl"], COMMUNICATION])
def test_only_those_who_publish_guides_directly_may_convert_a_dutch_guide_to_an_alias(
    client, dutch_guide, role
):
    client.force_login(member_of(role))
    guide = dutch_guide
    url = reverse("wagtail_localize:convert_to_alias", args=[guide.pk])

    assert client.get(url).status_code == 403
    assert client.post(url, {"confirm": "yes"}).status_code == 403
    guide.refresh_from_db()
    assert guide.alias_of_id is None


# --- Stop sync ---------------------------------------------------------------------------------
def test_stopping_sync_asks_then_keeps_the_translators_text_as_a_draft_and_the_live_page_as_is(
    dutch_translator, dutch_guide
):
    guide = dutch_guide
    live_summary = guide.summary
    translation = translation_into(guide)
    translate_segment(
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


def test_stopping_sync_on_a_translation_that_does_not_validate_names_it_and_keeps_sync(
    dutch_translator, dutch_guide
):
    guide = dutch_guide
    translation = translation_into(guide)
    taken = Page.objects.sibling_of(guide, inclusive=False).first().slug
    translate_segment(dutch_translator, translation, segment_at(translation, r"^slug$"), taken)
    revisions = Revision.page_revisions.filter(object_id=str(guide.pk)).count()

    response = dutch_translator.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"confirm": "yes"}
    )

    assert response.status_code == 200
    assert f"Slug: The slug &#x27;{taken}&#x27; is already in use" in response.content.decode()
    translation.refresh_from_db()
    assert translation.enabled
    assert Revision.page_revisions.filter(object_id=str(guide.pk)).count() == revisions


def test_stopping_someone_elses_language_is_refused_and_an_unknown_translation_is_not_found(
    client, dutch_guide
):
    client.force_login(member_of(TRANSLATORS["en"]))
    translation = translation_into(dutch_guide)

    refused = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"confirm": "yes"}
    )
    # (The language prefix middleware first tries the address under /fr/.)
    unknown = client.get(reverse("wagtail_localize:stop_translation", args=[987654]), follow=True)

    assert refused.status_code == 403 and unknown.status_code == 404
    translation.refresh_from_db()
    assert translation.enabled


# --- Restart sync ------------------------------------------------------------------------------
HAND_WRITTEN_SUMMARY = "Met de hand herschreven door de Nederlandse vertaler."


@pytest.fixture
def hand_edited_dutch_guide(client, dutch_guide):
    """The Dutch guide's sync stopped by its translator, then its summary edited by hand."""
    translation = translation_into(dutch_guide)
    client.force_login(member_of(TRANSLATORS["nl"]))
    stopped = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"confirm": "yes"}
    )
    assert stopped.status_code == 302
    dutch_guide.refresh_from_db()
    form = guide_form(dutch_guide, None, summary=HAND_WRITTEN_SUMMARY)
    saved = client.post(reverse("wagtailadmin_pages:edit", args=[dutch_guide.pk]), form)
    assert saved.status_code == 302
    return dutch_guide, translation


def test_restarting_sync_lists_the_hand_edits_it_would_overwrite_and_keeps_them(
    client, hand_edited_dutch_guide
):
    dutch, translation = hand_edited_dutch_guide
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])

    # The page editor's "Start Synced translation" button.
    pressed = client.post(edit_url, {"localize-restart-translation": "Start Synced translation"})

    restart_url = reverse("translations:restart", args=[translation.pk])
    assert pressed.status_code == 302 and pressed.url == restart_url
    translation.refresh_from_db()
    assert not translation.enabled
    asked = client.get(restart_url)
    text = asked.content.decode()
    assert "Summary" in text and HAND_WRITTEN_SUMMARY in text
    # What the stored translation would have put back.
    assert "Hoe u een factuur naar uw klant stuurt en op tijd betaald wordt." in text

    restarted = client.post(restart_url, {"confirm": "yes"})

    assert restarted.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled
    summary = segment_at(translation, r"^summary$")
    kept = StringTranslation.objects.get(
        translation_of=summary.string, locale=translation.target_locale, context=summary.context
    )
    assert kept.data == HAND_WRITTEN_SUMMARY
    # Publishing the synced translation now puts the hand-edited text live, not the old one.
    client.force_login(UserFactory(is_superuser=True))
    client.post(edit_url, {"action": "publish"})
    dutch.refresh_from_db()
    assert dutch.summary == HAND_WRITTEN_SUMMARY and dutch.live


# --- Submit for review -------------------------------------------------------------------------
def test_submitting_an_invalid_translation_names_the_fields_and_writes_nothing(
    dutch_translator, dutch_guide
):
    guide = dutch_guide
    translation = translation_into(guide)
    sibling = Page.objects.sibling_of(guide, inclusive=False).filter(locale=guide.locale).first()
    translate_segment(
        dutch_translator, translation, segment_at(translation, r"^slug$"), sibling.slug
    )
    long_title = "Spreek met de klant af " + "x" * 120
    translate_segment(
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
