"""The commands `make run` relies on: the admin account and the compiled translations."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_admin_account_is_created_once_with_a_printed_password(client):
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("shown only this once): ")[1].strip()

    assert client.login(username="admin", password=password)
    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert "already exists" in again.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_admin_password_can_come_from_the_environment(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "chosen-by-the-team-2026")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)

    assert "chosen-by-the-team-2026" not in out.getvalue()
    assert client.login(username="admin", password="chosen-by-the-team-2026")
