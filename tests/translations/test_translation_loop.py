"""The translation loop through the real admin views: submit, translate, publish, change the
French source, publish and sync, and check that no translator's work is lost on the way.

Each test builds its French pages and snippets with factories under the site's home pages; the
Dutch and English versions a test starts from are made through wagtail-localize.
"""

from urllib.parse import urlencode

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from guides.models import GuidePage, Level
from portal import page_cache
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import PathPageFactory
from tests.navigation.factories import SiteNavigationFactory, menu_link
from tests.translations.factories import translate, translate_into_all
from translations.loop import PUBLISH_AND_SYNC, SAVE_AND_SYNC

FRENCH = {
    "title": "Déclarer un achat",
    "slug": "declarer-un-achat",
    "summary": "Comment déclarer un achat fait pour votre activité.",
    "step": "Gardez le ticket",
    "body": "Prenez le ticket en photo.",
}
TRANSLATED = {
    "nl": {
        "Déclarer un achat": "Een aankoop aangeven",
        "declarer-un-achat": "een-aankoop-aangeven",
        "Comment déclarer un achat fait pour votre activité.": "Hoe u een aankoop voor uw "
        "activiteit aangeeft.",
        "Gardez le ticket": "Bewaar het kasticket",
        "Prenez le ticket en photo.": "Neem een foto van het kasticket.",
        "": "",
    },
    "en": {
        "Déclarer un achat": "Declare a purchase",
        "declarer-un-achat": "declare-a-purchase",
        "Comment déclarer un achat fait pour votre activité.": "How to declare a purchase "
        "made for your activity.",
        "Gardez le ticket": "Keep the receipt",
        "Prenez le ticket en photo.": "Take a photo of the receipt.",
        "": "",
    },
}
NEW_SUMMARY = "Comment déclarer un achat et être remboursé en une semaine."


@pytest.fixture(autouse=True)
def commits_run(django_capture_on_commit_callbacks, admin_client):
    """Every admin request commits, as in production: wagtail-localize publishes a translation
    once its transaction commits."""
    post = admin_client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    admin_client.post = post_and_commit
    yield
    # Menus built from this test's content must not outlive its rollback.
    page_cache.next_generation()


def guide_form(text, action_value="action-publish", step_id=None):
    """The guide editor's form; `step_id` keeps the step's block, as the editor's script does."""
    data = nested_form_data(
        {
            "title": text["title"],
            "slug": text["slug"],
            "summary": text["summary"],
            "before_you_start": streamfield([]),
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": text["step"],
                            "body": rich_text(f"<p>{text['body']}</p>"),
                            "tip": "",
                        },
                    )
                ]
            ),
            "video": streamfield([]),
            "downloads": streamfield([]),
            "related_guides": inline_formset([]),
            "faq_questions": inline_formset([]),
            "action-publish": action_value,
        }
    )
    if step_id:
        data["steps-0-id"] = step_id
    return data


def messages_of(response, level):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == level]


def translate_segment(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content


def translations_of(source):
    return {
        t.target_locale.language_code: t
        for t in source.translations.select_related("target_locale")
    }


def translated_path(site_tree):
    """The Smart Basic path in French, with its Dutch and English translations."""
    path = PathPageFactory(parent=site_tree.home["fr"], level=Level.BASIC)
    translate_into_all(path)
    return path


def publish_french_guide(client, path):
    """The French guide of `FRENCH`, added under `path` and published in the page editor."""
    response = client.post(f"/admin/pages/add/guides/guidepage/{path.pk}/", guide_form(FRENCH))
    assert response.status_code == 302
    return GuidePage.objects.get(slug=FRENCH["slug"], locale__language_code="fr")


def submit_for_translation(client, instance_url, locales, languages):
    response = client.post(instance_url, {"locales": [locales[code].pk for code in languages]})
    assert response.status_code == 302


def translate_and_publish(client, source, language):
    translation = translations_of(source)[language]
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        translate_segment(client, translation, segment, TRANSLATED[language][segment.string.data])
    target = translation.get_target_instance()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert response.status_code in (200, 302)
    return target


@pytest.fixture
def translated_guide(admin_client, locales, site_tree):
    """A French guide submitted, translated in the editor and published in Dutch and English."""
    guide = publish_french_guide(admin_client, translated_path(site_tree))
    submit_for_translation(
        admin_client,
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        locales,
        ["nl", "en"],
    )
    source = TranslationSource.objects.get_for_instance(guide)
    for language in ["nl", "en"]:
        translate_and_publish(admin_client, source, language)
    return guide, source


def step_id(page):
    return page.specific_class.objects.get(pk=page.pk).steps[0].id


def changed_french():
    return {**FRENCH, "summary": NEW_SUMMARY}


@pytest.mark.django_db
def test_a_guide_translated_in_the_editor_is_published_in_dutch_and_english(
    client, translated_guide, locales
):
    guide, _source = translated_guide
    for language in ["nl", "en"]:
        page = guide.get_translation(locales[language])
        assert page.live
        html = client.get(page.url).content.decode()
        assert TRANSLATED[language]["Gardez le ticket"] in html
        assert TRANSLATED[language][FRENCH["summary"]] in html


@pytest.mark.django_db
def test_publish_and_sync_keeps_untouched_segments_and_marks_changed_ones_to_translate(
    admin_client, client, translated_guide
):
    guide, source = translated_guide
    edit_url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    assert f'value="{PUBLISH_AND_SYNC}"' in admin_client.get(edit_url).content.decode()

    response = admin_client.post(
        edit_url, guide_form(changed_french(), PUBLISH_AND_SYNC, step_id(guide))
    )

    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.summary == NEW_SUMMARY and guide.live
    assert len(messages_of(response, "warning")) == 2
    for language, translation in translations_of(source).items():
        total, done = translation.get_progress()
        assert total - done == 1
        new_segment = StringSegment.objects.get(source=source, string__data=NEW_SUMMARY)
        assert not StringTranslation.objects.filter(
            translation_of=new_segment.string, locale=translation.target_locale
        ).exists()
        # Untouched segments keep their translation; the live page stays as translated...
        target = translation.get_target_instance()
        html = client.get(target.url).content.decode()
        assert TRANSLATED[language]["Gardez le ticket"] in html
        assert NEW_SUMMARY not in html
        # ...and the translator finds the new French text in the editor, to translate.
        editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
        # (The editor holds the text as JSON, where accented letters are escaped.)
        assert "en une semaine." in editor.content.decode()


@pytest.mark.django_db
def test_a_segment_translated_offline_goes_to_review_with_the_sync_then_live_once_approved(
    admin_client, client, translated_guide
):
    guide, source = translated_guide
    admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(changed_french(), PUBLISH_AND_SYNC, step_id(guide)),
    )
    dutch = translations_of(source)["nl"]

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[dutch.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    untranslated = [entry for entry in po if not entry.msgstr and entry.msgid]
    assert [entry.msgid for entry in untranslated] == [NEW_SUMMARY]
    untranslated[0].msgstr = "Hoe u een aankoop aangeeft en binnen een week terugbetaald wordt."
    upload = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[dutch.pk]),
        {"file": _po_file(po), "next": "/admin/"},
    )
    assert upload.status_code == 302

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(changed_french(), PUBLISH_AND_SYNC, step_id(guide)),
    )

    # Nobody reviewed the uploaded segment: the sync sends the Dutch draft to review.
    assert any("Nederlands" in message for message in messages_of(response, "success"))
    page = dutch.get_target_instance()
    assert page.workflow_in_progress
    assert "binnen een week terugbetaald" not in client.get(page.url).content.decode()

    task_state = page.current_workflow_task_state
    admin_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )

    html = client.get(page.url).content.decode()
    assert "binnen een week terugbetaald" in html
    assert "Bewaar het kasticket" in html


def _po_file(po):
    return SimpleUploadedFile("nl.po", str(po).encode(), content_type="text/x-gettext-translation")


@pytest.mark.django_db
def test_a_translation_edited_by_hand_is_not_overwritten_by_a_sync(
    admin_client, client, translated_guide
):
    guide, source = translated_guide
    english = translations_of(source)["en"]
    target = english.get_target_instance()
    stopped = admin_client.post(
        reverse("wagtail_localize:stop_translation", args=[english.pk]),
        {"next": "/admin/", "confirm": "yes"},
    )
    assert stopped.status_code == 302
    hand_written = {
        "title": "Declare a purchase",
        "slug": "declare-a-purchase",
        "summary": "Written by hand by the English translator.",
        "step": "Keep the receipt",
        "body": "Take a photo of the receipt.",
    }
    edited = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]),
        guide_form(hand_written, step_id=step_id(target)),
    )
    assert edited.status_code == 302

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(changed_french(), PUBLISH_AND_SYNC, step_id(guide)),
    )

    warnings = messages_of(response, "warning")
    assert any("English" in message for message in warnings)
    target.refresh_from_db()
    assert target.summary == "Written by hand by the English translator."
    assert "Written by hand" in client.get(target.url).content.decode()
    # The Dutch translation, still synced, got the change as a segment to translate.
    total, done = translations_of(source)["nl"].get_progress()
    assert total - done == 1


ACTIVITY = {
    "fr": {
        "term": "Activité",
        "definition": "Votre activité, c'est le travail que vous menez en votre nom au sein de "
        "la coopérative.",
        "variants": "activités",
    },
    "nl": {
        "term": "Activiteit",
        "definition": "Uw activiteit is het werk dat u onder uw eigen naam binnen de coöperatie "
        "doet.",
        "variants": "activiteiten",
    },
    "en": {
        "term": "Activity",
        "definition": "Your activity is the work you do in your own name within the cooperative.",
        "variants": "activities",
    },
}
ACTIVITY_BUDGET = {
    "fr": "Budget d'activité",
    "nl": "Activiteitsbudget",
    "en": "Activity budget",
}


def parallel(texts, language):
    """The strings `translate` takes: each French text of `texts` with its `language` text."""
    return {texts["fr"][field]: texts[language][field] for field in texts["fr"]}


@pytest.fixture
def activity(db):
    """The glossary term "Activité" in French, translated into Dutch and English."""
    term = GlossaryTermFactory(**ACTIVITY["fr"])
    translate_into_all(
        term, strings={language: parallel(ACTIVITY, language) for language in ("nl", "en")}
    )
    return term


@pytest.fixture
def activity_budget(db):
    """The glossary term "Budget d'activité" in French, translated into Dutch and English."""
    term = GlossaryTermFactory(
        term=ACTIVITY_BUDGET["fr"], definition="L'argent dont votre activité dispose."
    )
    translate_into_all(
        term,
        strings={
            language: {ACTIVITY_BUDGET["fr"]: ACTIVITY_BUDGET[language]}
            for language in ("nl", "en")
        },
    )
    return term


@pytest.mark.django_db
def test_a_glossary_term_is_saved_and_synced_and_keeps_its_translated_term(
    admin_client, locales, activity
):
    term = activity
    dutch = term.get_translation(locales["nl"])
    old_dutch_definition = dutch.definition
    edit_url = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    assert f'name="{SAVE_AND_SYNC}"' in admin_client.get(edit_url).content.decode()
    new_definition = "Votre activité, c'est votre travail mené au sein de la coopérative."

    response = admin_client.post(
        edit_url,
        {
            "term": term.term,
            "definition": new_definition,
            "variants": term.variants,
            SAVE_AND_SYNC: "1",
        },
    )

    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(term)
    dutch_translation = translations_of(source)["nl"]
    total, done = dutch_translation.get_progress()
    assert total - done == 1
    dutch.refresh_from_db()
    # A snippet has no draft: the Dutch term stays as it was until the new text is translated.
    assert dutch.definition == old_dutch_definition

    segment = StringSegment.objects.get(source=source, string__data=new_definition)
    translate_segment(
        admin_client, dutch_translation, segment, "Uw activiteit is uw werk binnen de coöperatie."
    )
    published = admin_client.post(
        reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[dutch.pk]),
        {"action": "publish"},
    )

    assert published.status_code in (200, 302)
    dutch.refresh_from_db()
    assert dutch.definition == "Uw activiteit is uw werk binnen de coöperatie."
    assert dutch.term == "Activiteit"


@pytest.fixture
def french_menu(site_tree):
    """A French main menu with a link to a path and one to the glossary, all in Dutch too."""
    path = PathPageFactory(parent=site_tree.home["fr"], level=Level.BASIC)
    translate(path, "nl")
    glossary = GlossaryPageFactory(parent=site_tree.home["fr"])
    translate(glossary, "nl", strings={"Lexique": "Woordenlijst"})
    menu = SiteNavigationFactory(
        links=[menu_link(path, "Parcours Basic"), menu_link(glossary, "Lexique")]
    )
    translate(menu, "nl", strings={"Parcours Basic": "Basistraject", "Lexique": "Woordenlijst"})
    return menu


@pytest.mark.django_db
def test_a_translator_renames_a_dutch_menu_link_offline_with_a_po_file(
    admin_client, locales, site_tree, french_menu
):
    french = french_menu
    source = TranslationSource.objects.get_for_instance(french)
    dutch_translation = translations_of(source)["nl"]

    download = admin_client.get(
        reverse("wagtail_localize:download_pofile", args=[dutch_translation.pk])
    )
    po = polib.pofile(download.content.decode())
    assert {entry.msgid: entry.msgstr for entry in po}["Lexique"] == "Woordenlijst"
    po.find("Lexique").msgstr = "Woordenboek"
    upload = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[dutch_translation.pk]),
        {"file": _po_file(po), "next": "/admin/"},
    )
    assert upload.status_code == 302
    dutch = french.get_translation(locales["nl"])
    published = admin_client.post(
        reverse("wagtailsnippets_navigation_sitenavigation:edit", args=[dutch.pk]),
        {"action": "publish"},
    )

    assert published.status_code in (200, 302)
    dutch.refresh_from_db()
    assert [block.value["label"] for block in dutch.links] == ["Basistraject", "Woordenboek"]
    assert "Woordenboek" in admin_client.get(site_tree.home["nl"].url).content.decode()


@pytest.mark.django_db
def test_a_translation_that_no_longer_validates_is_named_and_left_unchanged(
    admin_client, locales, activity, activity_budget
):
    term = activity
    dutch = term.get_translation(locales["nl"])
    taken = activity_budget.get_translation(locales["nl"]).term
    edit_url = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    form = {
        "term": "Activité indépendante",
        "definition": term.definition,
        "variants": term.variants,
        SAVE_AND_SYNC: "1",
    }
    admin_client.post(edit_url, form)
    source = TranslationSource.objects.get_for_instance(term)
    segment = StringSegment.objects.get(source=source, string__data="Activité indépendante")
    # By mistake, the Dutch translator gives the name of another Dutch term.
    translate_segment(admin_client, translations_of(source)["nl"], segment, taken)
    english = translations_of(source)["en"]
    translate_segment(admin_client, english, segment, "Independent activity")

    response = admin_client.post(edit_url, form)

    errors = messages_of(response, "error")
    assert len(errors) == 1 and "Nederlands" in errors[0]
    assert any("English" in message for message in messages_of(response, "success"))
    dutch.refresh_from_db()
    assert dutch.term == "Activiteit"
    assert term.get_translation(locales["en"]).term == "Independent activity"
