"""Stopping the weekly e-mail from its link, without signing in: the page's button, or the
one-click POST of a mail program (RFC 8058); a link that only opens the page stops nothing."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import translation

from digest.models import DigestSubscription
from tests.digest.factories import subscription
from tests.directory.factories import member


def stop_url(token, language="fr"):
    with translation.override(language):
        return reverse("digest:stop", args=[token])


@pytest.fixture
def subscribed(db, site_tree):
    return subscription(member(), "nl")


@pytest.mark.django_db
def test_opening_the_stop_link_shows_one_button_and_stops_nothing(client, subscribed):
    # As a mail scanner does: it follows the link, and may do it twice.
    for _ in range(2):
        response = client.get(stop_url(subscribed.token, "nl"))

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    # The page's own form posts back to the same address: one button.
    (form,) = BeautifulSoup(response.content, "html.parser").select(
        'form[method="post"]:not([action])'
    )
    (button,) = form.select("button")
    assert button.get_text(strip=True) == "De wekelijkse e-mail stopzetten"
    assert DigestSubscription.objects.filter(pk=subscribed.pk).exists()


@pytest.mark.django_db
def test_the_button_stops_the_weekly_email(client, subscribed):
    response = client.post(stop_url(subscribed.token, "nl"))

    assert response.status_code == 200
    assert "Klaar: u ontvangt geen wekelijkse e-mails meer." in response.content.decode()
    assert not DigestSubscription.objects.filter(pk=subscribed.pk).exists()


@pytest.mark.django_db
def test_a_mail_programs_one_click_post_stops_it_without_a_csrf_token(subscribed):
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        stop_url(subscribed.token, "nl"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not DigestSubscription.objects.filter(pk=subscribed.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_or_used_link_says_the_email_is_already_stopped(client, site_tree, method):
    response = getattr(client, method)(stop_url("no-such-token"))

    assert response.status_code == 404
    assert "Cet e-mail de la semaine était déjà arrêté" in response.content.decode()


@pytest.mark.django_db
def test_the_weekly_email_stops_with_the_members_account(subscribed):
    subscribed.user.delete()

    assert not DigestSubscription.objects.filter(pk=subscribed.pk).exists()
