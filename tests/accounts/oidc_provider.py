"""A real OpenID Connect provider on 127.0.0.1 for the sign-in tests and the browser journeys:
deploy/oidc-provider (the `oidc-provider` package on Node), started in its own process.

`running_provider(redirect_uri)` yields the provider's address and the portal settings that
point at it (`OIDC_*`), as the cooperative's identity provider would be configured.
"""

import contextlib
import os
import subprocess
import time
from pathlib import Path

import requests

from benchmarks.services import free_port

PROVIDER_DIR = Path(__file__).resolve().parents[2] / "deploy" / "oidc-provider"
CLIENT_ID = "portal-tests"
CLIENT_SECRET = "tests-only-client-secret"


def portal_settings(issuer):
    return {
        "OIDC_RP_CLIENT_ID": CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{issuer}/auth",
        "OIDC_OP_TOKEN_ENDPOINT": f"{issuer}/token",
        "OIDC_OP_USER_ENDPOINT": f"{issuer}/me",
        "OIDC_OP_JWKS_ENDPOINT": f"{issuer}/jwks",
    }


@contextlib.contextmanager
def running_provider(redirect_uri):
    """Start the provider for a portal whose callback is `redirect_uri`; stop it afterwards."""
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").exists():
        raise RuntimeError("The test provider is not installed: run `make install`.")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "OIDC_PROVIDER_PORT": str(port),
        "OIDC_RP_CLIENT_ID": CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URIS": redirect_uri,
    }
    process = subprocess.Popen(
        ["node", "provider.mjs"],
        cwd=PROVIDER_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("The test OpenID provider did not start.")
            time.sleep(0.1)
        yield issuer, portal_settings(issuer)
    finally:
        process.terminate()
        process.wait(timeout=10)
