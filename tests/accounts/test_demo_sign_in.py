"""`make run` signs demo members in without any provider; the switch can't be on in production."""

import pytest
from django.core.checks import run_checks

from accounts.demo_members import create_demo_member


@pytest.fixture
def demo_member(db):
    return create_demo_member("demo-lea", "Léa", "Dupont", "lea@members.example")


def test_the_demo_sign_in_does_not_exist_when_off(client, demo_member, settings):
    settings.DEMO_MEMBER_SIGN_IN = False
    assert client.post(f"/fr/sign-in/demo/{demo_member.pk}/").status_code == 404
    assert "Léa" not in client.get("/fr/sign-in/").content.decode()


def test_demo_members_sign_in_with_one_click_when_on(client, demo_member, settings):
    settings.DEMO_MEMBER_SIGN_IN = True
    assert "Léa Dupont" in client.get("/fr/sign-in/").content.decode()
    answer = client.post(f"/fr/sign-in/demo/{demo_member.pk}/", {"next": "/fr/members/me/"})
    assert answer.status_code == 302 and answer["Location"] == "/fr/members/me/"
    assert client.get("/fr/members/me/").status_code == 200


def test_only_demo_members_can_be_signed_into(client, demo_member, settings, admin_user):
    settings.DEMO_MEMBER_SIGN_IN = True
    assert client.post(f"/fr/sign-in/demo/{admin_user.pk}/").status_code == 404


def test_the_demo_sign_in_is_refused_outside_development(settings):
    settings.DEMO_MEMBER_SIGN_IN = True
    settings.DEBUG = False
    assert "accounts.E001" in [message.id for message in run_checks()]
    settings.DEBUG = True
    assert "accounts.E001" not in [message.id for message in run_checks()]


def test_signing_out_is_a_post(client, demo_member):
    client.force_login(demo_member)
    assert client.get("/fr/sign-out/").status_code == 405
    assert client.post("/fr/sign-out/").status_code == 302
    assert client.get("/fr/members/me/").status_code == 302
