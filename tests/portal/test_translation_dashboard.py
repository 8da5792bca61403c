"""The translation dashboard (admin) and the notice readers of an outdated translation see."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from guides.models import FAQQuestion, GlossaryTerm, GuidePage
from news.models import NewsTag
from portal.translation_status import State
from tests.factories import GlossaryTermFactory, GuidePageFactory
from tests.pages import demo_page

DASHBOARD = reverse("translation_dashboard")

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
        reverse("wagtailsnippets_guides_glossaryterm:edit", args=[term.pk]),
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


def test_syncing_the_translation_again_removes_the_notice(client):
    french = demo_page("guide", "expense-claims")
    french.save_revision().publish()
    dutch_url = demo_page("guide", "expense-claims", "nl").url
    assert NOTICE["nl"] in client.get(dutch_url).content.decode()
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)
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
