"""Members write to each other through the relay: no address on the site, limits per sender, a
recipient who may refuse messages, and a report link that only the recipient can use.
"""

import pytest
from django.core import mail

from directory.models import AbuseReport, ContactMessage
from directory.relay import MESSAGES_PER_DAY, MESSAGES_PER_RECIPIENT_PER_DAY
from tests.directory.factories import listed_profile, member
from tests.workflows.factories import staff_user

BODY = "Bonjour, je cherche une ingénieure du son pour un concert à Namur en mars."


@pytest.fixture
def recipient(db):
    return listed_profile(member(email="recipient@members.example"), display_name="Rita R.")


def test_a_message_reaches_the_recipient_without_showing_either_address(client, recipient):
    sender = member(email="sender@members.example", first_name="Sam")
    client.force_login(sender)
    page = client.get(f"/fr/members/{recipient.pk}/").content.decode()
    assert "recipient@members.example" not in page
    form = client.get(f"/fr/members/{recipient.pk}/write/")
    assert form.status_code == 200
    assert "recipient@members.example" not in form.content.decode()
    response = client.post(f"/fr/members/{recipient.pk}/write/", {"body": BODY})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["recipient@members.example"]
    assert message.reply_to == ["sender@members.example"]
    assert BODY in message.body
    stored = ContactMessage.objects.get()
    assert f"/members/messages/{stored.pk}/report/" in message.body


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_message_is_written_in_the_recipients_language(client, recipient, language):
    recipient.language = language
    recipient.save(update_fields=["language"])
    client.force_login(member())
    client.post(f"/en/members/{recipient.pk}/write/", {"body": BODY})
    greeting = {"fr": "Bonjour Rita R.", "nl": "Hallo Rita R.", "en": "Hello Rita R."}[language]
    assert greeting in mail.outbox[0].body


def test_a_sender_is_held_to_the_daily_limits(client, db):
    sender = member()
    client.force_login(sender)
    first = listed_profile(member())
    for _ in range(MESSAGES_PER_RECIPIENT_PER_DAY):
        assert client.post(f"/fr/members/{first.pk}/write/", {"body": BODY}).status_code == 302
    assert client.post(f"/fr/members/{first.pk}/write/", {"body": BODY}).status_code == 429
    others = [listed_profile(member()) for _ in range(MESSAGES_PER_DAY)]
    statuses = [
        client.post(f"/fr/members/{other.pk}/write/", {"body": BODY}).status_code
        for other in others
    ]
    assert statuses.count(302) == MESSAGES_PER_DAY - MESSAGES_PER_RECIPIENT_PER_DAY
    assert statuses[-1] == 429
    assert ContactMessage.objects.filter(sender=sender).count() == MESSAGES_PER_DAY


def test_a_member_who_refuses_messages_gets_none(client, db):
    quiet = listed_profile(member(), accepts_messages=False)
    client.force_login(member())
    assert "write/" not in client.get(f"/fr/members/{quiet.pk}/").content.decode()
    assert client.post(f"/fr/members/{quiet.pk}/write/", {"body": BODY}).status_code == 429
    assert not mail.outbox and not ContactMessage.objects.exists()


def test_an_empty_or_huge_message_is_refused_with_a_message(client, recipient):
    client.force_login(member())
    for body in ("", "Salut", "x" * 5000):
        response = client.post(f"/fr/members/{recipient.pk}/write/", {"body": body})
        assert response.status_code == 400
        assert 'class="errorlist' in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_only_the_recipient_can_report_a_message_and_the_moderators_are_told(client, recipient):
    moderator = staff_user("moderator")
    client.force_login(member())
    client.post(f"/fr/members/{recipient.pk}/write/", {"body": BODY})
    message = ContactMessage.objects.get()
    mail.outbox.clear()
    assert client.get(f"/fr/members/messages/{message.pk}/report/").status_code == 404
    client.force_login(recipient.user)
    response = client.post(
        f"/fr/members/messages/{message.pk}/report/", {"reason": "C'est de la publicité."}
    )
    assert response.status_code == 302
    report = AbuseReport.objects.get()
    assert report.message == message
    assert mail.outbox[0].to == [moderator.email]
    assert "C'est de la publicité." in mail.outbox[0].body


def test_visitors_are_asked_to_sign_in_before_writing(client, recipient):
    response = client.get(f"/fr/members/{recipient.pk}/write/")
    assert response.status_code == 302
