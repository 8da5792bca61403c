"""No request breaks the site: every route the crawler finds, every query parameter and form
field it sees, each sent every class of hostile value, plus bogus Host, X-Forwarded-Host,
Accept-Language and Content-Type headers, under production's security settings with DEBUG off.

Three rules hold for every response: no status of 500 or more, no markup probe reflected
unescaped in HTML, no redirect to another host. The corpus is spread over the routes
deterministically (tests/security/hostile_values.py): every route attacked and every parameter
meets every class of value; each kind of route meets each class through every parameter, each
parameter alone whenever others make the page refuse the request, so one parameter's bad value
cannot hide another's; and every value of the corpus goes through each parameter the site's own
links and forms send to a kind of page.

The crawl runs over the demo site (`demo_site`): its claim is about every route of the whole
site, each page type in each language with its sub-routes and forms. The demo is that whole site,
real content in three languages; a tree built here from factories would hold only the kinds
someone remembered to list, which is what the crawl is there to avoid.
"""

import logging
import time
from collections import Counter
from urllib.parse import quote, urlsplit

import pytest
from django.db import transaction
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.crawler import crawl
from tests.security.hostile_values import HOSTILE_VALUES, XSS_PROBES, sample

pytestmark = pytest.mark.demo_site

HOST = "testserver"
# What production.py sets; the test settings already have DEBUG off.
PRODUCTION_SECURITY = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 60 * 60 * 24 * 365,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "PAGE_CACHE_SECONDS": 60 * 60,
}
# The sweeps of values run without the page cache: a page kept from one request would answer
# the next without its view ever reading the hostile value. The headers test keeps the cache on,
# so that its key meets the bogus Hosts.
VIEWS_SEE_EVERY_VALUE = {**PRODUCTION_SECURITY, "PAGE_CACHE_SECONDS": 0}
# Routes of one kind in one language are built by the same code: past a few, the sweep learns
# nothing new. Every kind of route, and every routable sub-route, is still attacked.
ROUTES_PER_KIND = 2
BOGUS_HOSTS = [
    "evil.example",
    "testserver.evil.example",
    "testserver:notaport",
    "a" * 300,
    "[::1",
    "testserver@evil.example",
    "évil.example",
    "",
]
BOGUS_LANGUAGES = ["*", "xx-YY", "fr;q=abc", "a" * 1000, "nl;q=nan, en;q=-1", "ж,,;;", "\x7f"]
BOGUS_CONTENT_TYPES = [
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=hostile",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "application/json",
    "text/plain; charset=utf-7",
    "\x00",
]
# Deterministic runs, and as many examples as it takes to shrink a failure to one parameter.
SHRINKING = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Probe:
    """Sends hostile requests through the whole stack and records what breaks a rule."""

    def __init__(self):
        self.client = Client(raise_request_exception=False)
        self.statuses = Counter()
        self.failures = []
        self.sent = 0

    def send(self, method, path, query="", body=None, content_type=None, **headers):
        address = f"{path}?{query}" if query else path
        headers.setdefault("HTTP_X_FORWARDED_PROTO", "https")
        # Each request in a savepoint of its own: one that breaks the database transaction
        # must not break the requests after it.
        savepoint = transaction.savepoint()
        try:
            if method == "post":
                # generic() sends the body as given, whatever charset the header claims.
                response = self.client.generic(
                    "POST",
                    address,
                    data=(body or "").encode(),
                    content_type=content_type or "application/x-www-form-urlencoded",
                    secure=True,
                    **headers,
                )
            else:
                response = self.client.get(address, secure=True, **headers)
        finally:
            transaction.savepoint_rollback(savepoint)
        self.client.cookies.clear()
        self.sent += 1
        self.statuses[f"{response.status_code // 100}xx"] += 1
        self.check(f"{method.upper()} {address[:200]} {body or ''}"[:300], response, headers)
        return response

    def check(self, request, response, headers):
        if response.status_code >= 500:
            self.failures.append(f"{response.status_code}: {request} {short(headers)}")
        if 300 <= response.status_code < 400:
            location = response.get("Location", "")
            parts = urlsplit(location)
            if parts.netloc not in ("", HOST) or location.startswith(("//", "/\\", "\\")):
                self.failures.append(f"redirect to {location!r}: {request}")
        if "html" in response.get("Content-Type", "") and not response.streaming:
            body = response.content.decode("utf-8", errors="replace")
            # A probe without markup (javascript:…) is harmless as text, as in the search box.
            for probe in (probe for probe in XSS_PROBES if "<" in probe):
                if probe in body:
                    self.failures.append(f"unescaped {probe!r}: {request}")

    def assert_clean(self, what):
        summary = ", ".join(f"{count} {status}" for status, count in sorted(self.statuses.items()))
        print(f"\n{what}: {self.sent} requests ({summary})")  # noqa: T201 - the run's report
        assert not self.failures, f"{len(self.failures)} broken rules:\n" + "\n".join(
            sorted(set(self.failures))[:80]
        )


def short(headers):
    shown = {k: v[:40] for k, v in headers.items() if k != "HTTP_X_FORWARDED_PROTO"}
    return shown or ""


@pytest.fixture(autouse=True)
def refusals_not_logged():
    """The sweeps are refused by the thousand, each refusal a warning with its traceback; only
    errors, the 500s this suite hunts, are still logged."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.fixture(scope="module")
def routes(demo_site, django_db_blocker):
    """What the crawl of the demo site found, found once for the module."""
    with django_db_blocker.unblock(), override_settings(**PRODUCTION_SECURITY):
        client = Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")
        found = crawl(client)
    print(  # noqa: T201 - the run's report
        f"\nroutes found: {len(found.paths)} addresses of {len(set(found.kinds.values()))} kinds, "
        f"{len(found.forms)} forms, parameters: {sorted(found.parameters)}"
    )
    return found


def page_kinds(routes):
    """One address per kind of route: a page type, a routable sub-route, or another view."""
    kinds = {}
    for path in sorted(routes.paths):
        kinds.setdefault(routes.kinds[path], path)
    return kinds


def attacked_paths(routes):
    """The first few addresses of each kind in each language, in a fixed order."""
    kept = Counter()
    paths = []
    for path in sorted(routes.paths):
        group = (routes.kinds[path], path.split("/")[1])
        if kept[group] < ROUTES_PER_KIND:
            kept[group] += 1
            paths.append(path)
    return paths


def linked_parameters(routes, kind):
    """The query parameters the site's own links and GET forms send to addresses of `kind`."""
    paths = [path for path in routes.paths if routes.kinds[path] == kind]
    return set().union(*(routes.linked.get(path, set()) for path in paths))


def form_kinds(forms):
    kinds = {}
    for (method, action), form in sorted(forms.items()):
        kind = (method, action.strip("/").split("/")[1])
        kinds.setdefault(kind, form)
    return kinds


def query(values):
    return "&".join(f"{name}={value}" for name, value in values.items())


def spread(names, first):
    """{name: hostile value} with a different class for each name, starting at class `first`."""
    classes = list(HOSTILE_VALUES)
    return {
        name: sample(classes[(first + offset) % len(classes)], first + offset)
        for offset, name in enumerate(names)
    }


def rounds(names):
    """How many requests carrying every name in turn give each name every class of value."""
    return max(1, -(-len(HOSTILE_VALUES) // max(1, len(names))))


# Every kind of address times every class of value: about 5,000 requests, six minutes alone on
# this machine; it runs first, beside the rest of the suite on the other worker.
@pytest.mark.timeout(1500)
@pytest.mark.django_db
@override_settings(**VIEWS_SEE_EVERY_VALUE)
def test_no_route_breaks_on_hostile_query_parameters(routes):
    probe = Probe()
    parameters = sorted(routes.parameters)
    classes = list(HOSTILE_VALUES)
    started = time.monotonic()
    # Every address attacked with every parameter, the classes spread so each meets them all.
    attacked = attacked_paths(routes)
    for path_index, path in enumerate(attacked):
        for round_index in range(rounds(parameters)):
            first = path_index + round_index * len(parameters)
            probe.send("get", path, query(spread(parameters, first)))
        # A value as a path segment too: a slug, a sub-route, a feed name.
        segment_class = classes[path_index % len(classes)]
        probe.send("get", f"{path}{sample(segment_class, path_index)}/")
    # Each class through every parameter at once, on one address of each kind. Where the page
    # refuses that request, each parameter goes alone: another's refusal hides nothing.
    for kind_index, path in enumerate(page_kinds(routes).values()):
        for value_class in classes:
            value = sample(value_class, kind_index)
            probe.send("get", f"{path}{value}/")
            response = probe.send("get", path, query(dict.fromkeys(parameters, value)))
            if response.status_code != 200:
                for name in parameters:
                    probe.send("get", path, f"{name}={value}")
    # Every value of the corpus through each parameter the site's own links and forms send
    # to a kind of page: the values only some spellings of a class break (a page "²" or "①"
    # that str.isdigit() takes and int() refuses) cannot slip between samples.
    for kind, path in page_kinds(routes).items():
        for name in sorted(linked_parameters(routes, kind)):
            for values in HOSTILE_VALUES.values():
                for value in values:
                    probe.send("get", path, f"{name}={value}")
    probe.assert_clean(
        f"query parameters on {len(attacked)} of {len(routes.paths)} addresses "
        f"({time.monotonic() - started:.0f} s)"
    )


@pytest.mark.django_db
@override_settings(**VIEWS_SEE_EVERY_VALUE)
def test_no_form_breaks_on_hostile_fields(routes):
    probe = Probe()
    posted = {key: form for key, form in routes.forms.items() if key[0] == "post"}
    assert posted, "the crawl found no form that posts"
    for form_index, form in enumerate(posted.values()):
        names = sorted(form.fields)
        for round_index in range(rounds(names)):
            fields = spread(names, form_index + round_index * len(names))
            probe.send("post", form.action, body=query(fields))
    # Each field alone, the others as the page filled them, on one form of each kind.
    for kind_index, form in enumerate(form_kinds(posted).values()):
        for name in form.fields:
            for value_class in HOSTILE_VALUES:
                fields = {**form.fields, name: sample(value_class, kind_index)}
                probe.send("post", form.action, body=query(fields))
        for content_type in BOGUS_CONTENT_TYPES:
            probe.send("post", form.action, body=query(form.fields), content_type=content_type)
    probe.assert_clean(f"form fields of {len(posted)} forms")


@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
def test_no_route_breaks_on_bogus_host_or_language_headers(routes):
    probe = Probe()
    addresses = ["/", "/sitemap.xml", *page_kinds(routes).values()]
    for index, path in enumerate(addresses):
        for host in BOGUS_HOSTS:
            probe.send("get", path, HTTP_HOST=host)
        probe.send("get", path, HTTP_X_FORWARDED_HOST="evil.example")
        probe.send("get", path, HTTP_ACCEPT_LANGUAGE=BOGUS_LANGUAGES[index % len(BOGUS_LANGUAGES)])
    for language in BOGUS_LANGUAGES:
        probe.send("get", "/", HTTP_ACCEPT_LANGUAGE=language)
    for (method, _kind), form in form_kinds(routes.forms).items():
        if method == "post":
            for host in BOGUS_HOSTS:
                probe.send("post", form.action, body=query(form.fields), HTTP_HOST=host)
    probe.assert_clean("headers")


PAGE_PARAMETERS = ["page", "tag", "feedback", "q", "type", "level"]


@pytest.mark.django_db
@override_settings(**VIEWS_SEE_EVERY_VALUE)
@SHRINKING
@given(
    name=st.sampled_from(PAGE_PARAMETERS),
    value=st.one_of(
        st.sampled_from([v for values in HOSTILE_VALUES.values() for v in values]),
        st.text(max_size=12).map(lambda text: quote(text, safe="")),
    ),
    address=st.sampled_from(["news", "search", "guide"]),
)
def test_the_parameters_pages_read_never_break_them(routes, name, value, address):
    """hypothesis shrinks a failure down to the one parameter and the shortest value."""
    paths = {
        "news": next(p for p in sorted(routes.paths) if routes.kinds[p] == "NewsIndexPage"),
        "search": "/fr/search/",
        "guide": next(p for p in sorted(routes.paths) if routes.kinds[p] == "GuidePage"),
    }
    probe = Probe()
    probe.send("get", paths[address], f"{name}={value}")
    assert not probe.failures, probe.failures


@pytest.mark.django_db
@override_settings(**VIEWS_SEE_EVERY_VALUE)
@SHRINKING
@given(next_url=st.text(max_size=20), language=st.sampled_from(["fr", "nl", "en"]))
def test_choosing_a_path_never_breaks_whatever_next_holds(next_url, language):
    probe = Probe()
    body = f"level=basic&next={quote(next_url, safe='')}"
    response = probe.send("post", f"/{language}/my-path/", body=body)

    assert not probe.failures, probe.failures
    assert response.status_code == 302
    assert response["Location"].startswith("/")
