"""Security headers: a strict Content-Security-Policy on public pages, the admin's own policy.

The public pages are a guide in each language (the `guide` fixture, tests/security/conftest.py)
and the "not found" page of a site whose home pages exist.
"""

import base64
import hashlib
import re

import pytest
from django.conf import settings


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_public_pages_allow_only_the_sites_own_scripts_and_no_framing(client, guide, language):
    response = client.get(guide[language].url)
    policy = directives(response)

    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_error_pages_carry_the_public_policy(client, site_tree):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_has_its_own_relaxed_policy(admin_client):
    policy = directives(admin_client.get("/admin/"))

    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_policy_allows_exactly_the_inline_style_of_the_500_page():
    template = (settings.PORTAL_DIR / "templates" / "500.html").read_text()
    styles = re.findall(r"<style>(.*?)</style>", template, re.S)
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]

    for style in styles:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    assert len(allowed) == 1 + len(styles)
