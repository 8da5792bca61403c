"""Error pages in the reader's language, which render whatever else is failing.

The 400, 403 and 404 pages carry the site's header and footer, built from the database, the
cache and the request's site. When any of those fails (the database or Redis is down, or the
Host header is one Django refused, so every link on the page would fail again), the page is
rendered without them: a short standalone page that reads nothing but the language.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from portal.not_found import address_words, pages_like

logger = logging.getLogger(__name__)
# The database is down or unreachable: a passing outage, not a bug.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def standalone_error_page(status, title, message):
    """A page that touches neither the database, the cache nor the request's host."""
    html = loader.render_to_string(
        "portal/standalone_error.html", {"title": title, "message": message}
    )
    return HttpResponse(html, status=status)


def render_error_page(request, template_name, status, title, message, context=None):
    try:
        # A Host header Django refused fails again in every link the full page builds.
        request.get_host()
        context = {"is_error_page": True, **(context() if context else {})}
        return render(request, template_name, context, status=status)
    except Exception:  # noqa: BLE001 - an error page must answer whatever failed
        logger.warning("The %s page fell back to its standalone version", status, exc_info=True)
        return standalone_error_page(status, title, message)


def bad_request(request, exception):
    return render_error_page(
        request,
        "400.html",
        400,
        _("We couldn't understand this address"),
        _("Check the link or type your search again."),
    )


def permission_denied(request, exception):
    return render_error_page(
        request,
        "403.html",
        403,
        _("You can't open this page"),
        _("This page is not open to you. Go back to the home page."),
    )


def page_not_found(request, exception):
    # Every language's link leads to that language's home: the missing page exists in none.
    return render_error_page(
        request,
        "404.html",
        404,
        _("We can't find this page"),
        _("The address may be mistyped, or the page may have moved."),
        # Built inside the guarded render: a failing database falls back to the standalone page.
        context=lambda: {
            "similar_pages": pages_like(request),
            "address_query": " ".join(address_words(request.path)),
        },
    )


def server_error(request):
    """A 503 with Retry-After while the database is unreachable, a plain 500 otherwise.

    Neither page may touch the database: they render without request context processors.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
