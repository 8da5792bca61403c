"""Once a year a listed member is asked whether their profile is still accurate; without an answer
within a month it is hidden, not deleted, and confirming lists it again with renewed consent.
"""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from directory.freshness import ANSWER_DAYS, ASK_AFTER_DAYS, ask_to_confirm, hide_unconfirmed
from directory.models import MemberProfile
from tests.directory.factories import listed_profile, member


@pytest.fixture
def year_old(db):
    long_ago = timezone.now() - timedelta(days=ASK_AFTER_DAYS + ANSWER_DAYS + 2)
    return listed_profile(
        member(email="old@members.example"),
        display_name="Olga Old",
        confirmed_at=long_ago,
        consent_given_at=long_ago,
        consent_version="2025-01",
    )


def test_a_year_old_profile_is_asked_once_in_its_members_language(year_old):
    listed_profile(member())  # confirmed today: not asked
    MemberProfile.objects.filter(pk=year_old.pk).update(language="nl")
    assert ask_to_confirm() == 1
    (message,) = mail.outbox
    assert message.to == ["old@members.example"]
    assert "/members/me/confirm/" in message.body
    assert "Olga Old" in message.body
    assert ask_to_confirm() == 0


def test_an_unanswered_profile_is_hidden_not_deleted_and_confirming_lists_it_again(
    client, year_old
):
    ask_to_confirm(now=timezone.now() - timedelta(days=ANSWER_DAYS + 1))
    call_command("ask_members_to_confirm", stdout=io.StringIO())
    year_old.refresh_from_db()
    assert year_old.hidden_as_stale
    assert MemberProfile.objects.filter(pk=year_old.pk).exists()
    assert "Olga Old" not in client.get("/fr/members/").content.decode()

    client.force_login(year_old.user)
    assert client.get("/fr/members/me/confirm/").status_code == 200
    assert client.post("/fr/members/me/confirm/", {"answer": "nonsense"}).status_code == 400
    assert client.post("/fr/members/me/confirm/", {"answer": "keep"}).status_code == 302
    year_old.refresh_from_db()
    assert not year_old.hidden_as_stale
    assert year_old.consent_version != "2025-01"
    assert timezone.now() - year_old.consent_given_at < timedelta(minutes=1)
    assert "Olga Old" in client.get("/fr/members/").content.decode()


def test_a_profile_answered_in_time_is_not_hidden(year_old):
    ask_to_confirm(now=timezone.now() - timedelta(days=ANSWER_DAYS - 1))
    assert hide_unconfirmed() == 0
