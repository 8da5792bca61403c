"""Error pages in the reader's language."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

# The database is down or unreachable: a passing outage, not a bug.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def page_not_found(request, exception):
    # Every language's link leads to that language's home: the missing page exists in none.
    return render(request, "404.html", {"is_error_page": True}, status=404)


def bad_request(request, exception):
    return render(request, "400.html", {"is_error_page": True}, status=400)


def server_error(request):
    """A 503 with Retry-After while the database is unreachable, a plain 500 otherwise.

    Neither page may touch the database: they render without request context processors.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
