"""The page cache: whole public pages kept in the shared cache and dropped on every content change.

Members are anonymous and every page exists once per language address, so a rendered page can be
served again to every member who asks for the same address. It is never used for anyone with a
session (editors, translators, previews: all of them are logged in), for responses that set a
cookie or carry a CSRF token, nor for anything but Wagtail's page views (search, errors, admin).

Nobody can fill the cache by varying the address: a page's key holds its path (which holds its
language), the values of the query parameters pages read (apps name them with
`vary_on_parameter`) and the path cookie, nothing else. Any other parameter is left out of the
key, so `?x=<random>` finds the page kept without it. A named parameter gives a copy of its own
only when the page confirms, with `used_parameters`, that it read that value and found it valid
and in its one spelling (news page 2, not page "02" nor "x"); otherwise the page is served but
not kept. Each page thus has a bounded number of copies, and pages over `MAX_PAGE_BYTES` are not
kept at all; Redis's own `maxmemory` and eviction policy bound the whole (docs/deployment.md).

A page that depends on a first-party preference cookie (the path a member chose, on the home
page) is kept once per value of that cookie: apps name the cookie and its values with
`vary_on_cookie`; any other value counts as no cookie, so nobody can fill the cache with copies.

Invalidation is by generation: every page is stored with the generation number current when its
request began, and a change to content moves the number on, so every page of every language is
rebuilt on its next request. A change can touch many pages (menus, teasers on the home page,
glossary links in every guide, tags in listings) and edits are rare next to reads, so
invalidating everything is both correct and cheap. The number moves on once the change is
committed: a request that read the old content before then stored it under the old number.

An edge cache in front (Varnish, portal/edge_cache.py) keeps what this cache keeps, for no
longer than its copy here lives, and is purged at the same moment.
"""

import hashlib
import math
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone

from portal import edge_cache

GENERATION_KEY = "page-cache:generation"
CACHED_STATUS = 200
# Headers a cached copy must not repeat: they belong to one response.
UNCACHED_HEADERS = {"set-cookie", "x-cache", "date"}
# {cookie name: the values a page may depend on}, filled by the apps that read them.
VARYING_COOKIES = {}
# Query parameters some page reads, filled by the apps that read them.
VARYING_PARAMETERS = set()
# A page larger than this is served but not kept: no single page may take a large share.
MAX_PAGE_BYTES = 1024 * 1024


def invalidate(**kwargs):
    """Drop every cached page once the current transaction commits. A signal receiver."""
    transaction.on_commit(next_generation)


def invalidate_when_changed(*models):
    """Drop every cached page whenever an object of one of `models` is saved or deleted."""
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model}")


def fresh_start():
    """Where the generation starts in a new or emptied cache: never a number an earlier start
    could have counted up to. Starting from the clock in seconds, a burst of changes (an import,
    a test run) counted past the next second's start, and a process would have served facts it
    kept under that number (portal.content_memo) as current. Nanoseconds, plus a random offset
    for clocks that stand still (tests that freeze time)."""
    return time.time_ns() + secrets.randbelow(1 << 20)


def next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, fresh_start(), None)
    # Varnish in front keeps the same pages: it forgets them at the same moment.
    edge_cache.purge_all()


def generation():
    """The content generation every process shares, started from the clock if the cache lost it."""
    return cache.get(GENERATION_KEY) or current_generation({})


def current_generation(entries):
    generation = entries.get(GENERATION_KEY)
    if generation is None:
        # A new or emptied cache: start anew so no stored page or kept fact can match by chance.
        cache.add(GENERATION_KEY, fresh_start(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def vary_on_cookie(name, values):
    """Keep one copy of each page per value of the cookie `name` among `values`."""
    VARYING_COOKIES[name] = frozenset(values)


def vary_on_parameter(*names):
    """Keep a page per value of the query parameters `names`, once a page confirms the value."""
    VARYING_PARAMETERS.update(names)


def used_parameters(request, *names):
    """Say that the page read the values of `names` in `request`, found them valid, and wrote
    them in their one spelling: only then is the page kept under those values."""
    request._page_cache_parameters = getattr(request, "_page_cache_parameters", set()) | set(names)


def requested_parameters(request):
    """{name: [values]} of the named parameters in `request`'s query string."""
    return {
        name: request.GET.getlist(name)
        for name in sorted(VARYING_PARAMETERS)
        if name in request.GET
    }


def expire_at(response, moment):
    """Keep `response` in the page cache until the aware datetime `moment` at the latest.

    For pages that are true only for a while, such as an office's "open now": they are kept
    until the next opening or closing rather than rebuilt on every request.
    """
    if moment is None:
        return
    # Several facts on one page each hold for a while: it is kept until the first changes.
    earlier = getattr(response, "page_cache_expires", None)
    if earlier is None or moment < earlier:
        response.page_cache_expires = moment


def lifetime(response):
    """Seconds to keep `response`: the page cache's lifetime, or less if the page expires sooner."""
    seconds = settings.PAGE_CACHE_SECONDS
    expires = getattr(response, "page_cache_expires", None)
    if expires is not None:
        seconds = min(seconds, math.floor((expires - timezone.now()).total_seconds()))
    return seconds


def page_key(request):
    # The path, never the whole query string: see the module's docstring.
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    for name, values in requested_parameters(request).items():
        address += f" {name}={values!r}"
    for name, values in sorted(VARYING_COOKIES.items()):
        value = request.COOKIES.get(name)
        if value in values:
            address += f" {name}={value}"
    # v2: entries carry their expiry, for the lifetime they give the edge cache.
    return "page-cache:page:v2:" + hashlib.sha256(address.encode()).hexdigest()


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    languages = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return request.path.startswith(languages)


def is_cacheable_response(request, response):
    match = getattr(request, "resolver_match", None)
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value}
    cache_control = response.get("Cache-Control", "").lower()
    user = getattr(request, "user", None)
    used = getattr(request, "_page_cache_parameters", set())
    return (
        request.method == "GET"
        and response.status_code == CACHED_STATUS
        # One value for each named parameter, and one the page itself confirmed.
        and all(
            name in used and len(values) == 1
            for name, values in requested_parameters(request).items()
        )
        and not response.streaming
        and len(response.content) <= MAX_PAGE_BYTES
        and not response.cookies
        # get_token() was called: the page holds a CSRF token tied to this visitor's cookie.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and vary <= {"accept-encoding"}
        and not {"private", "no-store", "no-cache"} & set(cache_control.replace(",", " ").split())
        and match is not None
        and match.url_name == "wagtail_serve"
        and not (user is not None and user.is_authenticated)
    )


def is_shareable_request(request):
    """Whether an edge cache may keep the answer under the request's full address: it keys on the
    whole query string, so only addresses whose every parameter a page reads qualify."""
    return all(name in VARYING_PARAMETERS for name in request.GET)


class PageCacheMiddleware:
    """Serves public pages from the cache, and stores them there on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = page_key(request)
        except DisallowedHost:
            # Django answers a bad Host header further in, with a 400.
            return self.get_response(request)
        # One round trip for both: the generation and the page stored with its own.
        entries = cache.get_many([GENERATION_KEY, key])
        generation = current_generation(entries)
        # Kept for `portal.content_memo`, so the generation is read once per request.
        request._content_generation = generation
        if generation is None:
            # The cache is unreachable: serve without it.
            return self.get_response(request)
        stored = entries.get(key)
        if stored is not None and stored[0] == generation:
            response = self.cached_response(stored)
            if is_shareable_request(request):
                edge_cache.mark_shareable(response, stored[4] - time.time())
            return response
        response = self.get_response(request)
        seconds = lifetime(response)
        if seconds > 0 and is_cacheable_response(request, response):
            headers = [(name, value) for name, value in response.items()]
            headers = [(n, v) for n, v in headers if n.lower() not in UNCACHED_HEADERS]
            cache.set(
                key,
                (
                    generation,
                    response.status_code,
                    headers,
                    response.content,
                    time.time() + seconds,
                ),
                seconds,
            )
            response["X-Cache"] = "MISS"
            # Rendered from content that changed meanwhile: the edge cache's purge may be past.
            if (
                is_shareable_request(request)
                and edge_cache.is_configured()
                and generation == cache.get(GENERATION_KEY)
            ):
                edge_cache.mark_shareable(response, seconds)
        return response

    @staticmethod
    def cached_response(stored):
        _generation, status, headers, content, _expires = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response
