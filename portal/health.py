"""Health endpoints for what stands in front of the app servers, answered before any other
middleware: no host check, no HTTPS redirect, no session, no site lookup.

`/health/live` answers as long as the process serves requests, without touching anything else:
the balancer (deploy/haproxy/portal.cfg) takes an app server out of rotation only when that
server itself is gone, never because the database is down (pages the cache holds can still be
served then). `/health/ready` also asks the database: the edge cache (deploy/varnish/portal.vcl)
probes it, and while it fails serves the pages it keeps, however old, instead of the outage page.
"""

from django.db import connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from portal.views import DATABASE_UNAVAILABLE


def live():
    return HttpResponse("live\n", content_type="text/plain")


def ready():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_UNAVAILABLE:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ready\n", content_type="text/plain")


CHECKS = {"/health/live": live, "/health/ready": ready}


class HealthCheckMiddleware:
    """Answers the probes at `CHECKS`' addresses; every other request goes on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        check = CHECKS.get(request.path)
        if check is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = check()
        add_never_cache_headers(response)
        return response
