"""Which Wagtail site answers a request, found in memory rather than with a query per request.

Wagtail looks the site up in the database on every request (`Site.find_for_request`), with a
query costlier to build than to run. Sites change only when an administrator edits one, which
moves the content generation on (`portal.signal_handlers`), so the answer is kept per process
with `portal.content_memo` and handed to Wagtail through the attribute it caches it in.
"""

import copy

from django.http.request import split_domain_port
from wagtail.models import Site

from portal import content_memo


def known_addresses():
    """(hostname, port) of every site: only these can match more than the default site."""
    return frozenset(Site.objects.values_list("hostname", "port"))


def site_for_request(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    known = content_memo.remember(request, ("site addresses",), known_addresses)
    # The Host header is the client's: keep one answer per real site, not one per header value.
    # An unknown hostname can only fall back to the default site, whatever its port, and a
    # known hostname on another port gets the same answer on every such port.
    known_hostnames = {known_hostname for known_hostname, _port in known}
    key = (
        hostname if hostname in known_hostnames else None,
        port if (hostname, port) in known else None,
    )
    site = content_memo.remember(request, ("site", *key), lambda: Site._find_for_request(request))
    if site is None:
        return None
    # Each request gets its own copies, so nothing one request caches on them reaches another.
    site = copy.copy(site)
    site.root_page = copy.copy(site.root_page)
    return site


class SiteMiddleware:
    """Sets the request's Wagtail site from memory, where Wagtail would query the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)
