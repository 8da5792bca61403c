"""Deleting or moving a source page with translations, through Wagtail's own admin views: the
confirmation says what becomes of each translation and asks, and nothing is left without a
source silently (the translation dashboard lists what is kept).

Each test starts from two French paths and a French guide in one of them, all translated into
Dutch and English through wagtail-localize.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page

from guides.models import Level
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.translations.factories import translate_into_all
from translations.status import Orphan

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("translations:dashboard")


@pytest.fixture(autouse=True)
def commits_run(django_capture_on_commit_callbacks, client):
    """Every admin request commits, as in production."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit


@pytest.fixture
def paths(site_tree):
    """The French Smart Basic and Smart Expert paths, each translated into Dutch and English."""
    return {
        level: translate_into_all(PathPageFactory(parent=site_tree.home["fr"], level=level))["fr"]
        for level in (Level.BASIC, Level.EXPERT)
    }


@pytest.fixture
def guide(paths):
    """A French guide in the Smart Basic path, translated into Dutch and English."""
    french = GuidePageFactory(parent=paths[Level.BASIC], title="Déclarer une note de frais")
    translate_into_all(
        french,
        strings={
            "nl": {"Déclarer une note de frais": "Een onkostennota indienen"},
            "en": {"Déclarer une note de frais": "Submit an expense claim"},
        },
    )
    return french


def guide_in(guide, language):
    """The guide's page in `language`, as it is in the database now."""
    return Page.objects.get(
        translation_key=guide.translation_key, locale__language_code=language
    ).specific


def translations_listed(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        item["lang"]: (item.get_text(" ", strip=True), item["data-live"] == "true")
        for item in soup.select("li.source-change-translation")
    }


def choices(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {field["value"] for field in soup.select("form input[name=translations]")}


def orphans(client):
    response = client.get(DASHBOARD, {"language": ""})
    return {(orphan.language, orphan.title): orphan for orphan in response.context["orphans"]}


def warnings(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def another_path(page, paths):
    """A section of the French tree the guide is not in, which has Dutch and English copies."""
    parent = page.get_parent()
    return next(path for path in paths.values() if path.pk != parent.pk)


# --- Delete ---------------------------------------------------------------------------------


def test_the_delete_confirmation_lists_each_translation_and_asks_what_to_do(admin_client, guide):
    response = admin_client.get(
        reverse("wagtailadmin_pages:delete", args=[guide_in(guide, "fr").pk])
    )

    listed = translations_listed(response)
    assert set(listed) == {"nl", "en"}
    for language in ("nl", "en"):
        text, live = listed[language]
        assert guide_in(guide, language).title in text
        assert live
    assert choices(response) == {"delete", "keep"}


def test_deleting_a_french_guide_with_its_translations_deletes_them_too(admin_client, guide):
    french, dutch, english = guide_in(guide, "fr"), guide_in(guide, "nl"), guide_in(guide, "en")

    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[french.pk]), {"translations": "delete"}
    )

    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[french.pk, dutch.pk, english.pk]).exists()
    assert orphans(admin_client) == {}


def test_translations_kept_after_deleting_their_source_are_listed_as_orphans(admin_client, guide):
    french, dutch, english = guide_in(guide, "fr"), guide_in(guide, "nl"), guide_in(guide, "en")

    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[french.pk]), {"translations": "keep"}
    )

    assert response.status_code == 302
    assert Page.objects.filter(pk__in=[dutch.pk, english.pk], live=True).count() == 2
    assert any("Nederlands" in message for message in warnings(response))
    listed = orphans(admin_client)
    assert listed[("nl", dutch.title)].reason == Orphan.SOURCE_DELETED
    assert listed[("en", english.title)].reason == Orphan.SOURCE_DELETED
    assert listed[("nl", dutch.title)].live
    html = admin_client.get(DASHBOARD, {"language": ""}).content.decode()
    assert dutch.title in html and english.title in html


def test_a_delete_without_a_choice_keeps_the_translations_and_says_so(admin_client, guide):
    french, dutch = guide_in(guide, "fr"), guide_in(guide, "nl")

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[french.pk]))

    assert Page.objects.filter(pk=dutch.pk).exists()
    assert warnings(response)
    assert ("nl", dutch.title) in orphans(admin_client)


def test_a_french_translator_may_delete_a_french_draft_but_not_its_dutch_translation(
    client, django_user_model, admin_client, site_tree, paths
):
    draft = GuidePageFactory(parent=paths[Level.BASIC], title="Brouillon", live=False)
    dutch = draft.copy_for_translation(site_tree.home["nl"].locale, copy_parents=True)
    translator = django_user_model.objects.create_user("vertaler-fr")
    translator.groups.add(Group.objects.get(name="Translators FR"))
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:delete", args=[draft.pk])

    confirmation = client.get(url)
    assert set(translations_listed(confirmation)) == {"nl"}
    assert choices(confirmation) == {"keep"}
    refused = client.post(url, {"translations": "delete"})

    assert refused.status_code == 403
    assert Page.objects.filter(pk__in=[draft.pk, dutch.pk]).count() == 2


def test_deleting_a_translation_neither_offers_to_delete_its_source_nor_warns(admin_client, guide):
    dutch = guide_in(guide, "nl")
    url = reverse("wagtailadmin_pages:delete", args=[dutch.pk])
    confirmation = admin_client.get(url)
    assert translations_listed(confirmation) == {}
    assert choices(confirmation) == set()

    response = admin_client.post(url)

    assert not Page.objects.filter(pk=dutch.pk).exists()
    assert guide_in(guide, "fr").live and guide_in(guide, "en").live
    assert warnings(response) == []
    assert orphans(admin_client) == {}


def test_an_unknown_choice_is_refused_with_a_clear_message(admin_client, guide):
    french = guide_in(guide, "fr")

    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[french.pk]), {"translations": "shred"}
    )

    assert response.status_code == 400
    assert Page.objects.filter(pk=french.pk).exists()


# --- Move -----------------------------------------------------------------------------------


def move_url(page, destination):
    return reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])


def test_the_move_confirmation_says_where_each_translation_would_go(admin_client, guide, paths):
    french = guide_in(guide, "fr")
    destination = another_path(french, paths)

    response = admin_client.get(move_url(french, destination))

    listed = translations_listed(response)
    assert set(listed) == {"nl", "en"}
    dutch_destination = destination.get_translation(guide_in(guide, "nl").locale)
    assert dutch_destination.title in listed["nl"][0]
    assert choices(response) == {"move", "keep"}


def test_moving_a_french_guide_with_its_translations_moves_them_into_the_translated_section(
    admin_client, guide, paths
):
    french = guide_in(guide, "fr")
    destination = another_path(french, paths)

    response = admin_client.post(move_url(french, destination), {"translations": "move"})

    assert response.status_code == 302
    for language in ("nl", "en"):
        moved = guide_in(guide, language)
        assert moved.get_parent().pk == destination.get_translation(moved.locale).pk
    assert orphans(admin_client) == {}


def test_translations_left_behind_by_a_move_are_listed_as_orphans(admin_client, guide, paths):
    french, dutch = guide_in(guide, "fr"), guide_in(guide, "nl")
    old_parent = dutch.get_parent()

    response = admin_client.post(
        move_url(french, another_path(french, paths)), {"translations": "keep"}
    )

    assert response.status_code == 302
    assert guide_in(guide, "nl").get_parent().pk == old_parent.pk
    assert warnings(response)
    assert orphans(admin_client)[("nl", dutch.title)].reason == Orphan.SOURCE_MOVED
