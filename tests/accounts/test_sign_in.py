"""Members sign in through a real OpenID Connect provider (deploy/oidc-provider on Node, started
on 127.0.0.1): the authorization code flow with PKCE, end to end over HTTP, never a mocked token
endpoint. Members are matched by their `sub` only and never reach the admin.
"""

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from accounts.models import MemberAccount
from tests.accounts.oidc_provider import running_provider

# The portal's own side runs in the test client, in the test's transaction; its calls to the
# provider (token, user info, keys) are real HTTP. The provider sends the browser back to
# http://testserver/oidc/callback/, which the test client then opens, as a browser would.
CALLBACK = "http://testserver/oidc/callback/"


@pytest.fixture(scope="module")
def issuer():
    with running_provider(CALLBACK) as (address, portal_settings):
        yield address, portal_settings


@pytest.fixture
def provider(issuer, settings):
    address, portal_settings = issuer
    for name, value in portal_settings.items():
        setattr(settings, name, value)
    return address


def submit(browser, response, prompt, **fields):
    """Post the provider's page form for `prompt` ("login", "consent"), with `fields` filled."""
    page = BeautifulSoup(response.text, "html.parser")
    form = page.find("form", method="post")
    assert form is not None, response.text[:500]
    assert form.find("input", attrs={"name": "prompt", "value": prompt}) is not None
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name")
    }
    data.update(fields)
    return browser.post(urljoin(response.url, form["action"]), data=data, allow_redirects=False)


def follow_within_provider(browser, response, issuer):
    """Follow the provider's redirects until one leaves it; returns that address."""
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if not location.startswith(issuer):
            return location
        response = browser.get(location, allow_redirects=False)
    return response


def sign_in(client, issuer, login, next_url="/fr/members/"):
    """Go through the whole flow as a browser would; returns the portal's last answer."""
    start = client.get(f"/oidc/authenticate/?next={next_url}")
    assert start.status_code == 302
    authorization = start["Location"]
    query = parse_qs(urlsplit(authorization).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert query["response_type"] == ["code"]
    browser = requests.Session()
    login_page = browser.get(authorization)
    consent = follow_within_provider(
        browser, submit(browser, login_page, "login", login=login, password="any"), issuer
    )
    callback = follow_within_provider(browser, submit(browser, consent, "consent"), issuer)
    assert callback.startswith(CALLBACK)
    parts = urlsplit(callback)
    return client.get(f"{parts.path}?{parts.query}", follow=True)


def test_a_member_signs_in_with_pkce_and_comes_back_where_they_were(client, db, provider):
    answer = sign_in(client, provider, "lea.dupont")
    assert answer.status_code == 200
    assert answer.request["PATH_INFO"] == "/fr/members/"
    assert "Lea" in answer.content.decode()
    account = MemberAccount.objects.get(subject="lea.dupont")
    user = account.user
    assert user.email == "lea.dupont@members.example"
    assert not user.is_staff and not user.is_superuser
    assert account.last_sign_in_at is not None
    # No way into the admin for a member.
    admin = client.get("/admin/")
    assert admin.status_code == 302 and "/admin/login/" in admin["Location"]


def test_signing_in_again_finds_the_same_account(client, db, provider):
    sign_in(client, provider, "omar.k")
    client.logout()
    sign_in(client, provider, "omar.k")
    assert MemberAccount.objects.filter(subject="omar.k").count() == 1
    assert get_user_model().objects.filter(member_account__subject="omar.k").count() == 1


def test_a_staff_account_with_the_same_email_is_never_signed_into(client, db, provider):
    staff = get_user_model().objects.create_user(
        "editor", email="eva.staff@members.example", password="a-long-password-1", is_staff=True
    )
    sign_in(client, provider, "eva.staff")
    member = MemberAccount.objects.get(subject="eva.staff").user
    assert member.pk != staff.pk and not member.is_staff
    assert client.get("/admin/").status_code == 302


def test_a_tampered_state_is_refused_with_a_4xx(client, db, provider):
    client.get("/oidc/authenticate/")
    answer = client.get("/oidc/callback/?code=made-up&state=made-up")
    assert 400 <= answer.status_code < 500
    assert not MemberAccount.objects.exists()


def test_next_keeps_a_path_of_the_site_and_refuses_another_site(client, db, settings):
    settings.OIDC_RP_CLIENT_ID = "portal"

    def provider_link(url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return page.select_one("main a[href^='/oidc/authenticate/']")["href"]

    assert provider_link("/fr/sign-in/?next=https://evil.example/") == (
        "/oidc/authenticate/?next=/fr/"
    )
    assert provider_link("/fr/sign-in/?next=//evil.example/") == "/oidc/authenticate/?next=/fr/"
    assert provider_link("/fr/sign-in/?next=/fr/members/me/") == (
        "/oidc/authenticate/?next=/fr/members/me/"
    )


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Se connecter"), ("nl", "Aanmelden"), ("en", "Sign in")]
)
def test_the_sign_in_page_speaks_each_language(client, db, language, title):
    page = client.get(f"/{language}/sign-in/")
    assert page.status_code == 200
    assert f"<h1>{title}</h1>" in page.content.decode()


def test_without_a_provider_the_page_says_sign_in_is_not_available(client, db, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    page = client.get("/en/sign-in/").content.decode()
    assert "not available" in page
    assert "/oidc/authenticate/" not in page
