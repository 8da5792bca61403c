"""The health endpoints the balancer and the edge cache probe (portal/health.py)."""

import pytest


def test_live_answers_without_touching_the_database(client):
    # No database access in this test: pytest-django fails any query the request would make.
    response = client.get("/health/live")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_answers_once_the_database_does(client):
    response = client.get("/health/ready")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_probes_need_neither_https_nor_a_known_host(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/live", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200
