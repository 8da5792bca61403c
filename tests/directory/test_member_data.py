"""A member's own data: downloaded as JSON, or erased at once from the directory, the search, the
sitemap, the admin's history and the relay.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from directory.models import ContactMessage, MemberProfile
from tests.directory.factories import listed_profile, member, skill, waiting_profile


@pytest.fixture
def profile(db):
    glass = skill("vitrailliste", nl="glazenier", en="stained-glass maker")
    author = member(email="ana@members.example", first_name="Ana")
    profile = listed_profile(
        author,
        skills=[glass],
        display_name="Ana Vitrail",
        bio="Je restaure des vitraux.",
        visibility=MemberProfile.PUBLIC,
        public_fields="skills",
    )
    ContactMessage.objects.create(
        sender=member(), recipient=profile, body="Bonjour Ana, un devis ?"
    )
    ContactMessage.objects.create(sender=author, recipient=listed_profile(member()), body="Merci !")
    return profile


def test_a_member_downloads_everything_kept_about_them(client, profile):
    client.force_login(profile.user)
    response = client.get("/fr/members/me/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "ana@members.example"
    assert data["profile"]["listed_version"]["display_name"] == "Ana Vitrail"
    assert data["profile"]["listed_version"]["skills"] == ["vitrailliste"]
    assert data["profile"]["consent"]["text_version"] == profile.consent_version
    assert [m["text"] for m in data["messages_received"]] == ["Bonjour Ana, un devis ?"]
    assert [m["text"] for m in data["messages_sent"]] == ["Merci !"]


def test_erasing_removes_the_profile_everywhere_at_once(client, profile):
    pk = profile.pk
    content_type = ContentType.objects.get_for_model(MemberProfile)
    assert Revision.objects.filter(base_content_type=content_type, object_id=str(pk)).exists()
    assert "Ana Vitrail" in client.get("/en/search/?q=glazenier").content.decode()

    client.force_login(profile.user)
    page = client.get("/fr/members/me/erase/")
    assert page.status_code == 200
    assert client.post("/fr/members/me/erase/", {}).status_code == 400
    assert MemberProfile.objects.filter(pk=pk).exists()
    assert client.post("/fr/members/me/erase/", {"confirm": "yes"}).status_code == 302

    assert not MemberProfile.objects.filter(pk=pk).exists()
    assert not Revision.objects.filter(base_content_type=content_type, object_id=str(pk)).exists()
    assert not ModelLogEntry.objects.filter(content_type=content_type, object_id=str(pk)).exists()
    assert not ContactMessage.objects.exists()
    client.logout()
    assert client.get(f"/fr/members/{pk}/").status_code == 404
    assert f"/members/{pk}/" not in client.get("/sitemap.xml").content.decode()
    assert "Ana Vitrail" not in client.get("/en/search/?q=glazenier").content.decode()
    assert "Ana Vitrail" not in client.get("/nl/members/?q=glazenier").content.decode()


def test_erasing_a_profile_in_review_ends_its_review(client, db):
    author = member()
    profile = waiting_profile(author, display_name="Waiting W.")
    client.force_login(author)
    client.post("/en/members/me/erase/", {"confirm": "yes"})
    assert not MemberProfile.objects.exists()
    assert not WorkflowState.objects.filter(object_id=str(profile.pk)).exists()
