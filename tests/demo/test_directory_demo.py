"""The demo's member directory: thirty listed members, one list of trades and skills in three
languages, and members found by a trade or skill typed in any of them.

These read the demo content as a whole: the module is marked `demo_site`, so the demo site is
loaded once for it (tests/conftest.py).
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db.models import Q
from wagtail.models import Revision
from wagtail_localize.models import Translation

from accounts.demo_members import demo_members
from demo.sources import demo_key
from directory.consent import CONSENT_VERSION
from directory.models import BioTranslation, MemberProfile, Skill
from directory.search import find_profiles
from directory.visibility import listed_profiles
from tests.directory.factories import member
from tests.pages import LANGUAGES

pytestmark = pytest.mark.demo_site

PROFILE_FIELDS = [field.attname for field in MemberProfile._meta.concrete_fields]


def snapshot():
    profile_skills = MemberProfile._meta.get_field("skills").remote_field.through
    return {
        "skills": sorted(
            Skill.objects.values_list(
                "pk", "locale_id", "translation_key", "kind", "name", "variants"
            )
        ),
        "profiles": sorted(MemberProfile.objects.values_list(*PROFILE_FIELDS)),
        "profile_skills": sorted(
            profile_skills.objects.values_list("pk", "memberprofile_id", "skill_id")
        ),
        "bio_translations": sorted(
            BioTranslation.objects.values_list(
                "pk", "profile_id", "language", "text", "machine_translated"
            )
        ),
        "members": sorted(
            get_user_model().objects.values_list(
                "pk", "username", "first_name", "last_name", "email"
            )
        ),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
    }


@pytest.mark.django_db
def test_a_second_run_duplicates_and_changes_nothing_in_the_directory():
    before = snapshot()

    call_command("load_demo", stdout=io.StringIO())

    assert snapshot() == before


@pytest.mark.django_db
def test_thirty_members_are_listed_each_approved_with_their_consent():
    profiles = listed_profiles()

    assert profiles.count() == MemberProfile.objects.count() == 30
    assert {profile.user for profile in profiles} == set(demo_members())
    for profile in profiles:
        assert profile.live_revision_id == profile.latest_revision_id, profile
        assert not profile.has_unpublished_changes, profile
        assert profile.current_workflow_state is None
        assert profile.consent_version == CONSENT_VERSION
        assert profile.user.email.endswith("@members.example")


@pytest.mark.django_db
def test_the_demo_members_show_every_case_the_directory_handles():
    profiles = MemberProfile.objects.all()
    public = profiles.filter(visibility=MemberProfile.PUBLIC)

    assert 8 <= public.count() <= 12
    assert all(profile.public_field_names for profile in public)
    assert profiles.filter(accepts_messages=False).exists()
    assert profiles.exclude(can_help_with="").exists()
    assert {profile.bio_language for profile in profiles} == set(LANGUAGES)
    assert BioTranslation.objects.filter(machine_translated=True).exists()
    assert BioTranslation.objects.filter(machine_translated=False).exists()
    assert profiles.filter(office__isnull=True).exists()
    for profile in profiles.exclude(portfolio_url=""):
        assert profile.portfolio_url.split("/")[2].endswith(
            (".example.org", ".example.com", ".example.net")
        )


@pytest.mark.django_db
def test_every_trade_and_skill_is_one_wagtail_localize_translation_in_each_language():
    french = Skill.objects.filter(locale__language_code="fr")
    assert french.filter(kind=Skill.TRADE).count() >= 15
    assert french.filter(kind=Skill.SKILL).count() >= 30

    for source in french:
        rows = Skill.objects.filter(translation_key=source.translation_key)
        assert sorted(rows.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
        assert set(rows.values_list("kind", flat=True)) == {source.kind}
        assert all(row.variant_list for row in rows), source
        for language in ["nl", "en"]:
            assert Translation.objects.filter(
                source__object_id=source.translation_key, target_locale__language_code=language
            ).exists(), (source, language)


@pytest.mark.django_db
def test_members_pick_their_trade_and_skills_in_the_language_they_write_in():
    for profile in MemberProfile.objects.select_related("trade__locale"):
        assert profile.trade.locale.language_code == profile.bio_language
        assert {skill.locale.language_code for skill in profile.skills.all()} == {
            profile.bio_language
        }


def holding(key):
    """Listed profiles with this trade or skill."""
    return set(
        listed_profiles().filter(Q(trade__translation_key=key) | Q(skills__translation_key=key))
    )


def found(user, query):
    return set(find_profiles(user, query=query))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key, words",
    [
        ("graphic-designer", ["graphiste", "vormgever", "graphic designer"]),
        ("subtitling", ["sous-titrage", "ondertiteling", "subtitling"]),
    ],
)
def test_a_trade_or_skill_typed_in_any_language_finds_the_same_members(key, words):
    expected = holding(demo_key("skill", key))
    # Profiles written in different languages: each word finds those written in the others.
    assert len({profile.bio_language for profile in expected}) >= 2
    signed_in = member()

    for word in words:
        assert found(signed_in, word) == expected, word


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key, field, words",
    [
        ("graphic-designer", "trade", ["graphiste", "vormgever", "graphic designer"]),
        ("subtitling", "skills", ["sous-titrage", "ondertiteling", "subtitling"]),
    ],
)
def test_visitors_find_only_public_profiles_that_show_that_trade_or_skill(key, field, words):
    shown = {
        profile
        for profile in holding(demo_key("skill", key))
        if field in profile.public_field_names
    }
    assert {profile.visibility for profile in shown} == {MemberProfile.PUBLIC}
    assert shown != holding(demo_key("skill", key))

    for word in words:
        assert found(AnonymousUser(), word) == shown, word
