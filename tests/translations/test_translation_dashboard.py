"""The translation dashboard (admin) and the notice readers of an outdated translation see."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from glossary.models import GlossaryTerm
from guides.models import FAQQuestion, GuidePage
from news.models import NewsTag
from tests.factories import GlossaryTermFactory, GuidePageFactory, NewsPageFactory
from tests.pages import demo_page
from translations.status import State, translation_statuses

DASHBOARD = reverse("translations:dashboard")

pytestmark = pytest.mark.django_db


def rows(client, **filters):
    response = client.get(DASHBOARD, filters)
    assert response.status_code == 200
    # Every row, not just the first page of the listing.
    return response.context["paginator"].object_list, response


def rows_titled(client, title, **filters):
    found, _response = rows(client, **filters)
    return {row.language: row for row in found if row.title == title}


def totals(response):
    return dict(response.context["totals"])


def test_demo_site_is_translated_and_up_to_date_in_dutch_and_english(admin_client):
    found, response = rows(admin_client)
    assert {row.language for row in found} == {"nl", "en"}
    assert {row.state for row in found} == {State.UP_TO_DATE}
    kinds = {row.kind for row in found}
    # Pages and every translatable snippet are listed, without code per model.
    for model in (GlossaryTerm, GuidePage, FAQQuestion, NewsTag):
        assert str(model._meta.verbose_name) in kinds
    assert len(kinds) >= 8
    assert totals(response)[State.labels[State.UP_TO_DATE]] == len(found)


def test_new_french_guide_is_missing_in_dutch_and_english(admin_client):
    GuidePageFactory(parent=demo_page("path", "facile"), title="Ouvrir votre espace membre")
    statuses = rows_titled(admin_client, "Ouvrir votre espace membre")
    assert {language: row.state for language, row in statuses.items()} == {
        "nl": State.MISSING,
        "en": State.MISSING,
    }
    assert statuses["nl"].source_url.startswith("/admin/pages/")
    assert statuses["nl"].translation_url == ""


def test_publishing_the_french_source_after_the_last_sync_makes_its_translations_outdated(
    admin_client,
):
    guide = demo_page("guide", "expense-claims")
    guide.save_revision().publish()
    statuses = rows_titled(admin_client, guide.title)
    assert statuses["nl"].state == State.OUTDATED
    assert statuses["en"].state == State.OUTDATED
    dutch = demo_page("guide", "expense-claims", "nl")
    assert statuses["nl"].translation_url == reverse("wagtailadmin_pages:edit", args=[dutch.pk])


def test_editing_a_glossary_term_in_the_admin_makes_its_translations_outdated(admin_client):
    term = GlossaryTerm.objects.get(locale__language_code="fr", term="Note de frais")
    response = admin_client.post(
        reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk]),
        {"term": term.term, "definition": "Une dépense payée pour votre activité.", "variants": ""},
    )
    assert response.status_code == 302
    statuses = rows_titled(admin_client, "Note de frais")
    assert statuses["nl"].state == State.OUTDATED
    assert statuses["en"].state == State.OUTDATED


def test_a_translation_with_untranslated_segments_is_in_progress_with_its_percentage(
    admin_client,
):
    guide = demo_page("guide", "expense-claims")
    source = TranslationSource.objects.get(object_id=guide.translation_key, locale=guide.locale)
    StringTranslation.objects.filter(
        locale__language_code="nl",
        translation_of__segments__source=source,
        context__object_id=guide.translation_key,
    ).order_by("pk").first().delete()
    statuses = rows_titled(admin_client, guide.title)
    assert statuses["nl"].state == State.IN_PROGRESS
    assert 50 < statuses["nl"].percent < 100
    assert statuses["en"].state == State.UP_TO_DATE
    assert statuses["en"].percent == 100


def test_filters_keep_one_language_one_state_and_one_part_of_the_site(admin_client):
    GuidePageFactory(parent=demo_page("path", "facile"), title="Guide facile neuf")
    GuidePageFactory(parent=demo_page("path", "expert"), title="Guide expert neuf")
    facile = str(demo_page("path", "facile").translation_key)
    found, response = rows(admin_client, language="en", state=State.MISSING, section=facile)
    assert [(row.title, row.language) for row in found] == [("Guide facile neuf", "en")]
    assert totals(response)[State.labels[State.MISSING]] == 1


def test_a_bad_filter_value_is_ignored_with_a_clear_form_error_not_a_server_error(admin_client):
    found, response = rows(admin_client, language="xx", state="nonsense")
    assert response.context["filters"].errors
    assert found


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_translators_land_on_their_own_languages_queue(client, django_user_model, language):
    translator = django_user_model.objects.create_user("translator", password="a-long-password")
    translator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    translator.groups.add(Group.objects.get_or_create(name=f"Translators {language.upper()}")[0])
    client.force_login(translator)
    GuidePageFactory(parent=demo_page("path", "facile"), title="Guide à traduire")
    found, response = rows(client)
    assert response.context["filters"].form.cleaned_data["language"] == language
    assert {row.language for row in found} == ({language} if language != "fr" else set())


def test_a_translator_can_still_see_every_language(client, django_user_model):
    translator = django_user_model.objects.create_user("translator", password="a-long-password")
    translator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    translator.groups.add(Group.objects.get_or_create(name="Translators NL")[0])
    client.force_login(translator)
    found, _response = rows(client, language="")
    assert {row.language for row in found} == {"nl", "en"}


def test_the_dashboard_is_in_the_admin_menu_in_every_language(admin_client, admin_user):
    for language, label in (("fr", "Traductions"), ("nl", "Vertalingen"), ("en", "Translations")):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()
        response = admin_client.get(reverse("wagtailadmin_home"))
        assert label in response.content.decode()
        assert DASHBOARD in response.content.decode()


def grow(count, already):
    """Add French glossary terms submitted for translation into Dutch."""
    dutch = demo_page("page", "home", "nl").locale
    french = demo_page("page", "home").locale
    for number in range(already, count):
        term = GlossaryTermFactory(locale=french, term=f"Terme {number}")
        source, _created = TranslationSource.get_or_create_from_instance(term)
        Translation.objects.create(source=source, target_locale=dutch)
        GuidePageFactory(parent=demo_page("path", "basic"), title=f"Guide {number}")


def test_the_query_count_stays_the_same_as_sources_grow(admin_client):
    counts = []
    grown = 0
    for size in (2, 30):
        grow(size, grown)
        grown = size
        admin_client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as queries:
            found, _response = rows(admin_client, state=State.IN_PROGRESS)
        assert len([row for row in found if row.title.startswith("Terme")]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- The notice on outdated translations ----------------------------------------------------

NOTICE = {
    "nl": "Deze vertaling is misschien niet meer actueel",
    "en": "This translation may be out of date",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_readers_of_an_outdated_translation_see_a_notice_in_their_language(client, language):
    french = demo_page("guide", "expense-claims")
    french.save_revision().publish()
    response = client.get(demo_page("guide", "expense-claims", language).url)
    html = response.content.decode()
    assert NOTICE[language] in html
    assert f'href="{french.url}" hreflang="fr"' in html


def test_readers_of_an_up_to_date_translation_and_of_the_source_see_no_notice(client):
    for language in ("fr", "nl", "en"):
        html = client.get(demo_page("guide", "expense-claims", language).url).content.decode()
        assert "outdated-translation" not in html


def test_a_translation_no_longer_synced_shows_no_notice(client):
    french = demo_page("guide", "expense-claims")
    french.save_revision().publish()
    Translation.objects.filter(
        source__object_id=french.translation_key, target_locale__language_code="nl"
    ).update(enabled=False)
    html = client.get(demo_page("guide", "expense-claims", "nl").url).content.decode()
    assert "outdated-translation" not in html


def test_syncing_the_translation_again_removes_the_notice(
    client, django_capture_on_commit_callbacks
):
    french = demo_page("guide", "expense-claims")
    french.save_revision().publish()
    dutch_url = demo_page("guide", "expense-claims", "nl").url
    assert NOTICE["nl"] in client.get(dutch_url).content.decode()
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)
    # As on commit: publishing moves the content generation on, so readers get fresh answers.
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        for translation in source.translations.all():
            translation.save_target(publish=True)
    assert NOTICE["nl"] not in client.get(dutch_url).content.decode()


def test_parts_of_the_site_are_named_in_the_admins_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "nl"
    profile.save()
    _found, response = rows(admin_client)
    choices = dict(response.context["filters"].form.fields["section"].choices)
    facile = demo_page("path", "facile", "nl")
    assert choices[str(facile.translation_key)] == facile.title


# --- Starting a missing translation from the dashboard -----------------------------------------


def translator_client(client, django_user_model, language):
    translator = django_user_model.objects.create_user(f"translator-{language}")
    translator.groups.add(Group.objects.get(name=f"Translators {language.upper()}"))
    client.force_login(translator)
    return client


def dutch_born_news():
    """A Dutch news item nobody translated yet: French is the language it is missing in."""
    news = NewsPageFactory.build(title="Een nieuw bericht", slug="een-nieuw-bericht")
    return demo_page("news-index", "news", "nl").add_child(instance=news)


def missing_source(language):
    """A live source page missing in `language`, and its title."""
    if language == "fr":
        return dutch_born_news()
    return GuidePageFactory(parent=demo_page("path", "facile"), title="Guide à traduire")


def start_buttons(response):
    """The start-translation forms of the listing, by the language of their row."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [form["action"] for form in soup.select("td form")]


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_translator_starts_a_missing_translation_into_their_language_in_one_click(
    client, django_user_model, language
):
    translator = translator_client(client, django_user_model, language)
    source = missing_source(language)
    found, response = rows(translator)
    row = next(row for row in found if row.title == source.title)
    assert row.state == State.MISSING
    assert row.start_url in start_buttons(response)

    response = translator.post(row.start_url)

    target = Page.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale=target.locale
    ).exists()
    # The editor that opens is wagtail-localize's translation editor, which the translator may use.
    editor = translator.get(response["Location"])
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]


@pytest.mark.parametrize(("language", "other"), [("nl", "en"), ("en", "nl"), ("fr", "en")])
def test_a_translator_cannot_start_a_translation_into_a_language_they_do_not_work_in(
    client, django_user_model, language, other
):
    translator = translator_client(client, django_user_model, language)
    guide = GuidePageFactory(parent=demo_page("path", "facile"), title="Guide à traduire")
    url = reverse(
        "translations:start",
        args=[ContentType.objects.get_for_model(Page).pk, guide.pk, other],
    )
    found, response = rows(translator, language="")
    assert url not in start_buttons(response)

    response = translator.post(url)

    assert response.status_code == 403
    assert not Page.objects.filter(
        translation_key=guide.translation_key, locale__language_code=other
    ).exists()


def test_a_translator_cannot_start_translating_a_draft_they_may_not_see(client, django_user_model):
    translator = translator_client(client, django_user_model, "nl")
    draft = GuidePageFactory(parent=demo_page("path", "facile"), title="Brouillon", live=False)
    url = reverse(
        "translations:start",
        args=[ContentType.objects.get_for_model(Page).pk, draft.pk, "nl"],
    )

    response = translator.post(url)

    assert response.status_code == 403
    assert not Page.objects.filter(
        translation_key=draft.translation_key, locale__language_code="nl"
    ).exists()


def test_starting_a_translation_of_nothing_is_a_clear_not_found(admin_client):
    url = reverse("translations:start", args=[999999, 1, "nl"])
    # (Django's LocaleMiddleware first tries the address with a language prefix.)
    assert admin_client.post(url, follow=True).status_code == 404
    assert admin_client.get(url).status_code == 405


# --- Machine translation is not "up to date" until a person reviewed it -------------------------

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def machine_translated_dutch_guide(admin_client, settings, django_capture_on_commit_callbacks):
    """A new French guide started in Dutch from the dashboard, machine-translated and published."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    guide = GuidePageFactory(parent=demo_page("path", "facile"), title="Guide machine")
    row = rows_titled(admin_client, guide.title)["nl"]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(row.start_url)
    translation = Translation.objects.get(
        source__object_id=guide.translation_key, target_locale__language_code="nl"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": DASHBOARD},
        )
        assert response.status_code == 302
        target = translation.get_target_instance()
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    target.refresh_from_db()
    assert target.live
    assert StringTranslation.objects.filter(
        locale=target.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()
    return guide, target


def test_a_published_machine_translation_is_not_up_to_date_until_reviewed(
    admin_client, machine_translated_dutch_guide
):
    guide, _target = machine_translated_dutch_guide

    dutch = rows_titled(admin_client, guide.title)["nl"]

    assert dutch.state == State.MACHINE_UNREVIEWED
    assert dutch.percent == 100
    assert dutch.state_label == State.labels[State.MACHINE_UNREVIEWED]


def test_a_machine_translation_approved_in_review_is_up_to_date(
    admin_client,
    client,
    django_user_model,
    machine_translated_dutch_guide,
    django_capture_on_commit_callbacks,
):
    guide, target = machine_translated_dutch_guide
    translator = translator_client(client, django_user_model, "nl")
    moderator = django_user_model.objects.create_user("moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(reverse("translations:submit_for_review", args=[target.pk]))
        assert response.status_code == 302
    # Submitted, not yet approved: the latest revision is not live.
    assert rows_titled(admin_client, guide.title)["nl"].state == State.MACHINE_UNREVIEWED
    target.refresh_from_db()
    task_state = TaskState.objects.get(
        workflow_state=target.current_workflow_state, status=TaskState.STATUS_IN_PROGRESS
    )
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]
            )
        )

    assert rows_titled(admin_client, guide.title)["nl"].state == State.UP_TO_DATE


# --- Translations left without a source ---------------------------------------------------------


def test_the_demo_site_has_no_translations_without_a_source(admin_client):
    _found, response = rows(admin_client)
    assert response.context["orphans"] == []


@pytest.mark.django_db
def test_a_translation_waiting_for_review_is_not_called_up_to_date(admin_client):
    dutch = demo_page("guide", "getting-paid", "nl")
    dutch.save_revision()  # a synced draft, as a sync sends to review

    states = {
        (row.title, row.language): row.state
        for row in translation_statuses()
        if row.language == "nl"
    }
    french = demo_page("guide", "getting-paid", "fr")
    assert states[french.title, "nl"] == State.NOT_LIVE
    html = admin_client.get("/admin/translations/", {"language": "nl"}).content.decode()
    # The admin speaks the site's default language, French, to an administrator.
    with translation.override("fr"):
        assert str(State.labels[State.NOT_LIVE]) in html
