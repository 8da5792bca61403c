"""The edge cache, Varnish with the portal's own VCL, in front of the site as production runs it.

A site of its own (the e2e database, the page cache on, EDGE_CACHE_PURGE_URLS pointing at this
Varnish) serves every request through a real varnishd. What it must keep, it keeps: every
public page of every language. What it must never keep, it never keeps: the admin, anything
asked by someone signed in, searches, errors, addresses with parameters no page reads. And when
staff change a page or a snippet in the admin, members see the change on their very next
request, on every page that shows it.
"""

import http.client
import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.admin.admin_url_finder import AdminURLFinder

from benchmarks.services import free_port
from glossary.models import GlossaryTerm
from home.models import MissionPage
from tests.e2e.conftest import HEIGHT, TIMEOUT_MS, WIDTHS
from tests.e2e.edge import run_varnish
from tests.e2e.live_site import serve_site
from tests.e2e.site_pages import every_page, one_page_of_each_type
from tests.e2e.staff import create_staff_member, log_in
from workflows.roles import COMMUNICATION

LANGUAGES = ["fr", "nl", "en"]
EVERYTHING = {"xkey-purge": "portal-pages"}


@pytest.fixture(scope="module")
def edge(e2e_database):
    """The address of Varnish, with a site of its own behind it."""
    port = free_port()
    environment = {
        "DJANGO_SETTINGS_MODULE": "tests.e2e.edge_settings",
        "EDGE_CACHE_PURGE_URLS": f"http://127.0.0.1:{port}/",
    }
    with serve_site(environment) as site, run_varnish(port, urlsplit(site.url).port) as url:
        yield url


@pytest.fixture
def emptied(edge):
    """The edge cache as a fresh deploy has it: empty."""
    assert fetch(edge, "/", method="PURGE", headers=EVERYTHING).status == 200
    return edge


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def cache(self):
        return self.headers.get("x-edge-cache")


def fetch(base, address, method="GET", headers=None, source=None):
    """One request to Varnish at `base`, from the address `source` if given."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=30, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, quote(address, safe="/?=&%:"), headers=headers or {})
        response = connection.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return Answer(response.status, headers, response.read().decode(errors="replace"))
    finally:
        connection.close()


def public_pages(language):
    return [(kind, address) for kind, address, status in every_page(language) if status == 200]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_of_a_language_is_kept_and_served_again(emptied, language):
    # Searches, the member directory and forms with a person's data (an event's registration)
    # are never cached, at the edge or in the page cache: the directory shows members more than
    # visitors, a form carries its CSRF token.
    never_kept = {
        "search results",
        "search, no results",
        "member directory",
        "member profile",
        "event registration",
    }
    for kind, address in public_pages(language):
        first = fetch(emptied, address)
        again = fetch(emptied, address)
        assert first.status == 200, address
        if kind in never_kept:
            assert (first.cache, again.cache) == ("PASS", "PASS"), address
            continue
        assert (first.cache, again.cache) == ("MISS", "HIT"), (kind, address)
        assert again.body == first.body
        # Browsers ask again every time; only the edge cache keeps the page.
        assert "max-age=0" in again.headers["cache-control"]
        assert "xkey" not in again.headers


def test_errors_and_addresses_with_parameters_no_page_reads_are_never_kept(emptied):
    for address in ["/fr/no-page-has-this-address/", "/fr/?utm_source=x", "/nl/?x=1&y=2"]:
        answers = [fetch(emptied, address).cache for _ in range(2)]
        assert answers == ["PASS", "PASS"], address


def test_each_known_path_value_gets_its_own_copy_and_any_other_value_none(emptied):
    def home(cookie=None):
        return fetch(emptied, "/fr/", headers={"Cookie": cookie} if cookie else {})

    plain = [home().cache, home().cache]
    basic = [home("smart_path=basic").cache, home("smart_path=basic").cache]
    expert = home("theme=dark; smart_path=expert")
    forged = home("smart_path=../../admin")

    assert plain == ["MISS", "HIT"]
    assert basic == ["MISS", "HIT"]
    assert expert.cache == "MISS"
    # A value the site doesn't know is no value: the plain copy, not a new one.
    assert forged.cache == "HIT"
    assert forged.body == home().body


def staff_context(browser, edge):
    context = browser.new_context(
        base_url=edge, viewport={"width": WIDTHS["desktop"], "height": HEIGHT}, locale="en-GB"
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


def test_nothing_asked_by_someone_signed_in_is_kept_nor_served_to_them(emptied, browser):
    editor = create_staff_member("edge-editor", COMMUNICATION)
    context = staff_context(browser, emptied)
    staff = context.new_page()
    try:
        log_in(staff, editor)
        session = next(c for c in context.cookies() if c["name"] == "sessionid")
        cookie = f"sessionid={session['value']}"
        admin_addresses = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/reports/"]
        for language in LANGUAGES:
            # Warm the anonymous copies, then ask for a page of each type as the editor.
            addresses = [address for _kind, address, _status in one_page_of_each_type(language)]
            for address in addresses:
                fetch(emptied, address)
            for address in [*addresses, *admin_addresses]:
                answer = fetch(emptied, address, headers={"Cookie": cookie})
                assert answer.cache == "PASS", address
    finally:
        context.close()
    # The admin is never kept, even for the anonymous: they get the login page every time.
    for address in ["/admin/", "/admin/login/"]:
        assert [fetch(emptied, address).cache for _ in range(2)] == ["PASS", "PASS"]


def test_only_the_app_servers_may_purge(edge):
    refused = fetch(edge, "/", method="PURGE", headers=EVERYTHING, source="127.0.0.2")
    unsaid = fetch(edge, "/", method="PURGE")

    assert refused.status == 403
    assert unsaid.status == 400


def pages_showing(edge, text, language="fr"):
    """The public pages of `language` whose anonymous copy, now kept, shows `text`."""
    found = []
    for _kind, address in public_pages(language):
        answer = fetch(edge, address)
        if text in answer.body and answer.cache != "PASS":
            found.append(address)
    return found


def test_a_page_published_in_the_admin_is_new_at_once_on_every_page(emptied, browser):
    mission = MissionPage.objects.live().get(locale__language_code="fr")
    old_title = mission.title
    new_title = "Notre mission, en clair"
    kept = [address for _kind, address in public_pages("fr") if fetch(emptied, address).cache]
    assert all(fetch(emptied, address).cache == "HIT" for address in kept[:3])
    editor = create_staff_member("edge-publisher", COMMUNICATION)
    context = staff_context(browser, emptied)
    staff = context.new_page()
    try:
        log_in(staff, editor)
        staff.goto(f"/admin/pages/{mission.pk}/edit/")
        staff.locator("input[name='title']").fill(new_title)
        staff.get_by_role("button", name="More actions").click()
        staff.get_by_role("button", name="Publish", exact=True).click()
        expect(staff.locator(".messages")).to_contain_text("has been published")

        # A title shows in menus, breadcrumbs, teasers: no page keeps its old copy.
        assert [a for a in kept if fetch(emptied, a).cache == "HIT"] == []
        # The page itself, and the home page that introduces it, show the change.
        for address in [mission.url, "/fr/"]:
            assert new_title in fetch(emptied, address).body, address
    finally:
        context.close()
        mission.refresh_from_db()
        mission.title = old_title
        mission.save_revision().publish()


def test_a_glossary_term_changed_in_the_admin_is_new_at_once_wherever_it_is_defined(
    emptied, browser
):
    # A term whose definition no page escapes or spaces typographically, found as written.
    terms = GlossaryTerm.objects.filter(locale__language_code="fr").order_by("term")
    term = next(t for t in terms if not re.search(r"[:;!?«»'’\"&]", t.definition))
    old_definition = term.definition
    new_definition = "Une définition revue par notre équipe, pour vérifier le cache."
    showing = pages_showing(emptied, old_definition)
    assert showing
    editor = create_staff_member("edge-glossary", COMMUNICATION)
    context = staff_context(browser, emptied)
    staff = context.new_page()
    try:
        log_in(staff, editor)
        staff.goto(AdminURLFinder().get_edit_url(term))
        staff.locator("textarea[name='definition']").fill(new_definition)
        staff.get_by_role("button", name="Save", exact=True).click()
        expect(staff.locator(".messages")).to_contain_text("updated")

        for address in showing:
            assert new_definition in fetch(emptied, address).body, address
    finally:
        context.close()
        GlossaryTerm.objects.filter(pk=term.pk).update(definition=old_definition)
