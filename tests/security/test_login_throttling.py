"""Admin login is throttled: repeated wrong passwords lock that account out from that address."""

import pytest

LOGIN = "/admin/login/"


@pytest.fixture
def throttling_on(settings):
    settings.AXES_ENABLED = True


def attempt(client, password, address="192.0.2.10"):
    return client.post(
        LOGIN, {"username": "editor-admin", "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_out_even_with_the_right_one(
    client, admin_user, throttling_on, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong-password").status_code == 200  # the form, with an error
    assert attempt(client, "wrong-password").status_code == 429

    assert attempt(client, "a-long-test-password").status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lockout_does_not_spread_to_other_addresses(client, admin_user, throttling_on, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password")

    response = attempt(client, "a-long-test-password", address="198.51.100.7")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


@pytest.mark.django_db
def test_forwarded_addresses_cannot_dodge_the_lockout(client, admin_user, throttling_on, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "editor-admin", "password": "wrong-password"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )

    assert attempt(client, "a-long-test-password").status_code == 429
