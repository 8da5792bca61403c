"""The admin in the staff member's language: workflow names, catalogues, model names.

The workflow tests open a French guide, built for each test under a path of the French home page.
"""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.workflows.factories import in_review, staff_user
from workflows.roles import REVIEW_TASK, WORKFLOW

PROJECT_APPS = ["portal", "home", "guides", "news", "search"]
WORKFLOW_IN = {"fr": "Approbation des modérateurs", "nl": "Goedkeuring door moderatoren"}
TASK_IN = {"fr": "Modérateur ou second traducteur", "nl": "Moderator of tweede vertaler"}
SUBMIT_IN = {"fr": "Soumettre à « {} »", "nl": "Stuur door naar ‘{}’"}


def catalogue(language):
    return polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES/django.po")
    )


@pytest.fixture
def guide(site_tree):
    path = PathPageFactory(parent=site_tree.home["fr"])
    return GuidePageFactory(parent=path, title="Facturer un client")


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_communication_sees_the_submit_button_with_the_workflow_named_in_their_language(
    client, guide, language
):
    client.force_login(staff_user("communication", admin_language=language))

    page = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()

    assert SUBMIT_IN[language].format(WORKFLOW_IN[language]) in page
    assert WORKFLOW not in page


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_moderator_sees_the_guide_in_moderation_with_the_task_named_in_their_language(
    client, guide, language
):
    in_review(guide, staff_user("communication", admin_language="en"))
    client.force_login(staff_user("moderator", admin_language=language))

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history", args=[guide.pk])
    ).content.decode()

    assert WORKFLOW_IN[language] in editor and TASK_IN[language] in editor
    assert TASK_IN[language] in dashboard
    assert WORKFLOW_IN[language] in history
    for page in (editor, dashboard, history):
        assert WORKFLOW not in page and REVIEW_TASK not in page


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_catalogue_has_no_empty_or_fuzzy_translation(language):
    entries = catalogue(language)

    untranslated = [entry.msgid for entry in entries.untranslated_entries()]
    fuzzy = [entry.msgid for entry in entries.fuzzy_entries()]

    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("app_label", PROJECT_APPS)
def test_every_model_name_of_the_app_is_translated_into_dutch(app_label):
    translated = {entry.msgid: entry.msgstr for entry in catalogue("nl").translated_entries()}
    untranslated = []
    for model in apps.get_app_config(app_label).get_models():
        for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
            with translation.override("en"):
                msgid = str(name)
            if not isinstance(name, Promise) or not translated.get(msgid):
                untranslated.append(f"{model._meta.label}: {msgid}")

    assert untranslated == []


def test_the_project_page_models_are_named_in_dutch_in_the_admin():
    models = [
        model
        for model in get_page_models() + get_snippet_models()
        if model._meta.app_label in PROJECT_APPS
    ]
    with translation.override("en"):
        english = {model: str(model._meta.verbose_name) for model in models}
    with translation.override("nl"):
        same_as_english = [
            model._meta.label for model in models if str(model._meta.verbose_name) == english[model]
        ]

    assert models
    assert same_as_english == []
