"""A member adds their 'about me' in another language: the portal's machine translator (here a
local server speaking LibreTranslate's API) offers a draft, shown as machine-translated until the
member says they checked it.
"""

import pytest
from django.test import override_settings

from directory.models import MemberProfile
from tests.directory.factories import listed_profile, member
from tests.e2e.translation_service import machine_translation_service
from tests.workflows.factories import staff_user

BIO = "Je donne des ateliers de sérigraphie aux enfants."


def form(**changes):
    data = {
        "display_name": "Inès S.",
        "bio": BIO,
        "bio_language": "fr",
        "visibility": MemberProfile.MEMBERS,
        "accepts_messages": "on",
        "consent": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def translator():
    with machine_translation_service() as url:
        settings = {
            "WAGTAILLOCALIZE_MACHINE_TRANSLATOR": {
                "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
                "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": ""},
            }
        }
        with override_settings(**settings):
            yield


def test_a_machine_translation_is_offered_then_kept_as_such_until_checked(client, db, translator):
    author = member()
    client.force_login(author)
    page = client.get("/fr/members/me/edit/").content.decode()
    assert 'name="machine_translate" value="nl"' in page
    response = client.post("/fr/members/me/edit/", form(machine_translate="nl"))
    assert response.status_code == 200
    text = response.content.decode()
    assert f"[nl] {BIO}" in text
    assert not MemberProfile.objects.exists()  # offered, not saved

    client.post("/fr/members/me/edit/", form(bio_nl=f"[nl] {BIO}", bio_nl_origin="machine"))
    profile = MemberProfile.objects.get()
    profile.get_latest_revision().publish()
    client.force_login(member())
    dutch = client.get(f"/nl/members/{profile.pk}/").content.decode()
    assert f"[nl] {BIO}" in dutch
    assert 'class="meta"' in dutch and "machine" in dutch.lower()
    french = client.get(f"/fr/members/{profile.pk}/").content.decode()
    assert BIO in french and "[nl]" not in french

    client.force_login(author)
    client.post(
        "/fr/members/me/edit/",
        form(
            bio_nl="Ik geef zeefdrukworkshops aan kinderen.",
            bio_nl_origin="machine",
            bio_nl_checked="on",
        ),
    )
    profile.refresh_from_db()
    profile.get_latest_revision().publish()
    (translation,) = MemberProfile.objects.get().bio_translations.all()
    assert translation.text == "Ik geef zeefdrukworkshops aan kinderen."
    assert not translation.machine_translated


def test_without_a_translator_no_machine_translation_is_offered(client, db):
    client.force_login(member())
    page = client.get("/fr/members/me/edit/").content.decode()
    assert 'name="machine_translate"' not in page
    response = client.post("/fr/members/me/edit/", form(machine_translate="nl"))
    assert response.status_code == 200
    assert "not available" in response.content.decode() or "pas disponible" in (
        response.content.decode()
    )


def test_a_bad_language_is_refused(client, db, translator):
    client.force_login(member())
    response = client.post("/fr/members/me/edit/", form(machine_translate="xx"))
    assert response.status_code == 400


def test_moderators_review_other_language_bios_like_the_rest(client, db):
    listed_profile(member())
    assert staff_user("moderator").has_perm("directory.publish_memberprofile")
