"""Browser journeys in Debian's Chromium against the demo site served on 127.0.0.1.

`make e2e` runs them, apart from `make test`. The session builds a PostgreSQL database of its own
(its name must end in `_e2e`: it is dropped and rebuilt each run), starts a server on it, and
opens one headless Chromium. Tests read and write that database directly to look up page
addresses and create the staff who log in: there are no per-test transactions to roll back,
because the server process must see what the tests commit.
"""

import dataclasses
import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

from benchmarks.services import free_port
from tests.accounts.oidc_provider import running_provider
from tests.e2e import report
from tests.e2e.live_site import rebuild_database, serve_site
from tests.e2e.translation_service import machine_translation_service

# Playwright's sync API runs an event loop in the test thread, which Django takes for async code;
# the tests' database calls are plain synchronous calls all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
WIDTHS = {"phone": 375, "desktop": 1280}
HEIGHT = 900
SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
# Long enough for a cold admin page on a busy CI machine, short enough to fail fast.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session", autouse=True)
def e2e_database(django_db_blocker):
    with django_db_blocker.unblock():
        rebuild_database()
        yield


@pytest.fixture(scope="session")
def live_site(e2e_database):
    # Translators' journeys machine-translate through a local LibreTranslate stand-in; members
    # sign in through a real OpenID Connect provider on 127.0.0.1 (tests/accounts/oidc_provider.py).
    port = free_port()
    with (
        machine_translation_service() as translator_url,
        running_provider(f"http://127.0.0.1:{port}/oidc/callback/") as (issuer, oidc_settings),
        serve_site({"LIBRETRANSLATE_URL": translator_url, **oidc_settings}, port=port) as site,
    ):
        yield dataclasses.replace(site, identity_provider=issuer)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.exit(f"No Chromium at {CHROMIUM}: `apt-get install chromium`, or set CHROMIUM.")
    # Playwright's own driver, Debian's browser: `playwright install` is never needed.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def open_context(browser, live_site):
    """Opens browser contexts, one per person in a journey, closed after the test.

    Each starts with an empty cache and cookies, resolves relative addresses against the live
    site, and aborts any request to another host (the page-weight test reports them).
    """
    contexts = []

    def open_context(width=WIDTHS["desktop"]):
        # The admin speaks the browser's language: the journeys find its buttons in English.
        context = browser.new_context(
            base_url=live_site.url, viewport={"width": width, "height": HEIGHT}, locale="en-GB"
        )
        context.set_default_timeout(TIMEOUT_MS)
        # The identity provider is the one other host: members sign in there.
        allowed = tuple(
            address for address in (live_site.url, live_site.identity_provider) if address
        )
        context.route(lambda url: not url.startswith(allowed), lambda route: route.abort())
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture(params=WIDTHS.values(), ids=WIDTHS.keys())
def width(request):
    return request.param


@pytest.fixture
def page(open_context, width):
    """A member's browser tab, at phone and at desktop width."""
    return open_context(width).new_page()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    for table in (report.axe_table(), report.weight_table(), report.header_table()):
        if table:
            terminalreporter.write_line("")
            for line in table:
                terminalreporter.write_line(line)
