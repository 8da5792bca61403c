"""A member writes their profile; it reaches the directory only once a moderator approves it in
Wagtail's review queue, through the real admin views. Changes to a listed profile wait the same
way, except what shows less, which applies at once.
"""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from directory.consent import CONSENT_VERSION
from directory.models import MemberProfile
from tests.directory.factories import listed_profile, member, skill, trade
from tests.workflows.factories import staff_user


@pytest.fixture
def vocabulary(db):
    return {
        "trade": trade("ingénieur du son", nl="geluidstechnicus", en="sound engineer"),
        "skill": skill("mixage", nl="mixen", en="mixing"),
    }


def profile_form(vocabulary, language="fr", **changes):
    trade_key = vocabulary["trade"].get_translation(_locale(language)).pk
    skill_key = vocabulary["skill"].get_translation(_locale(language)).pk
    data = {
        "display_name": "Jeanne V.",
        "trade": trade_key,
        "skills": [skill_key],
        "city": "Liège",
        "languages": ["fr", "nl"],
        "can_help_with": ["fr"],
        "bio": "Je mixe des concerts et des podcasts depuis dix ans.",
        "bio_language": "fr",
        "offers": "Mixage de concerts",
        "looks_for": "Des groupes qui enregistrent",
        "visibility": MemberProfile.PUBLIC,
        "public_fields": ["trade", "skills"],
        "accepts_messages": "on",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _locale(language):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language)


def approve_in_admin(client, profile):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(profile.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse(
        "wagtailsnippets_directory_memberprofile:workflow_action",
        args=[profile.pk, "approve", task_state.pk],
    )
    return client.post(url, {})


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_new_profile_waits_for_a_moderator_then_is_listed(client, vocabulary, language):
    moderator = staff_user("moderator")
    author = member()
    client.force_login(author)
    assert client.get(f"/{language}/members/me/edit/").status_code == 200
    response = client.post(f"/{language}/members/me/edit/", profile_form(vocabulary, language))
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=author)
    assert not profile.live
    assert profile.consent_version == CONSENT_VERSION and profile.consent_given_at
    assert profile.language == language
    assert WorkflowState.objects.filter(
        object_id=str(profile.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    # The moderators were told something waits for them.
    assert any(moderator.email in message.to for message in mail.outbox)
    assert "Jeanne V." not in client.get(f"/{language}/members/").content.decode()
    assert "Waiting for a moderator" in client.get("/en/members/me/").content.decode()

    client.force_login(moderator)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert approve_in_admin(client, profile).status_code == 302
    profile.refresh_from_db()
    assert profile.live
    assert list(profile.skills.values_list("pk", flat=True)) == [
        vocabulary["skill"].get_translation(_locale(language)).pk
    ]

    client.logout()
    assert "Jeanne V." in client.get(f"/{language}/members/").content.decode()


def test_consent_is_asked_for_before_the_first_listing(client, vocabulary):
    client.force_login(member())
    response = client.post("/fr/members/me/edit/", profile_form(vocabulary, consent=None))
    assert response.status_code == 400
    assert not MemberProfile.objects.exists()


def test_changes_to_a_listed_profile_wait_while_showing_less_applies_at_once(client, vocabulary):
    author = member()
    profile = listed_profile(
        author,
        display_name="Jeanne V.",
        offers="Mixage de concerts",
        visibility=MemberProfile.PUBLIC,
        public_fields="offers,city",
        city="Liège",
    )
    client.force_login(author)
    changed = profile_form(
        vocabulary,
        offers="Mixage et mastering",
        visibility=MemberProfile.MEMBERS,
        public_fields=["offers"],
        accepts_messages=None,
    )
    assert client.post("/fr/members/me/edit/", changed).status_code == 302
    profile.refresh_from_db()
    # Waiting: the approved words stay...
    assert profile.offers == "Mixage de concerts"
    # ...but the profile is members-only and refuses messages from now on.
    assert profile.visibility == MemberProfile.MEMBERS
    assert profile.public_fields == "offers"
    assert not profile.accepts_messages
    client.logout()
    assert client.get(f"/fr/members/{profile.pk}/").status_code == 404

    client.force_login(staff_user("moderator"))
    approve_in_admin(client, profile)
    profile.refresh_from_db()
    assert profile.offers == "Mixage et mastering"
    assert profile.visibility == MemberProfile.MEMBERS


def test_a_moderator_may_ask_for_changes_and_the_member_reads_why(client, vocabulary):
    author = member()
    client.force_login(author)
    client.post("/fr/members/me/edit/", profile_form(vocabulary))
    profile = MemberProfile.objects.get(user=author)
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(profile.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    client.force_login(staff_user("moderator"))
    response = client.post(
        reverse(
            "wagtailsnippets_directory_memberprofile:workflow_action",
            args=[profile.pk, "reject", task_state.pk],
        ),
        {"comment": "Retirez votre numéro de téléphone de la bio, s'il vous plaît."},
    )
    assert response.status_code in (200, 302)
    client.force_login(author)
    text = client.get("/fr/members/me/").content.decode()
    assert "Retirez votre numéro de téléphone" in text


def test_nobody_adds_or_copies_a_profile_in_the_admin(client, db, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_directory_memberprofile:add"))
    assert response.status_code in (302, 403)
    assert not MemberProfile.objects.exists()


def test_a_member_has_no_way_into_the_admin(client, vocabulary):
    client.force_login(member())
    response = client.get(reverse("wagtailsnippets_directory_memberprofile:list"))
    assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_home")).status_code in (302, 403)


def test_a_member_edits_only_their_own_profile(client, vocabulary):
    other = listed_profile(member(), display_name="Someone Else")
    client.force_login(member())
    client.post("/fr/members/me/edit/", profile_form(vocabulary, display_name="Mine"))
    other.refresh_from_db()
    assert other.display_name == "Someone Else"
    assert other.get_latest_revision().user_id != client.session.get("_auth_user_id")
    assert MemberProfile.objects.filter(display_name="Someone Else").count() == 1
