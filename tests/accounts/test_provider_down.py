"""An identity provider that is down or refuses the code ends the sign-in with a redirect, signed
out, never a server error."""

from urllib.parse import parse_qs, urlsplit

import pytest

from accounts.models import MemberAccount
from benchmarks.services import free_port


@pytest.fixture
def unreachable_provider(settings):
    # A port nothing listens on: every call to the provider is refused at once.
    address = f"http://127.0.0.1:{free_port()}"
    settings.OIDC_RP_CLIENT_ID = "portal"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{address}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{address}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{address}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{address}/jwks"
    return address


def test_a_provider_that_does_not_answer_ends_in_a_redirect_not_an_error(
    client, db, unreachable_provider
):
    start = client.get("/oidc/authenticate/?next=/fr/members/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    answer = client.get(f"/oidc/callback/?code=some-code&state={state}")
    assert answer.status_code == 302
    assert not MemberAccount.objects.exists()
    assert "_auth_user_id" not in client.session
