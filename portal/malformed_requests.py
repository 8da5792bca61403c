"""Refuses addresses no page can have before they reach a view or the database.

PostgreSQL rejects text containing NUL, so a NUL in the path or the query string would end in
a 500 wherever it is used in a query; other control characters are never part of a real link.
"""

import re
from urllib.parse import unquote_plus

from django.core.exceptions import BadRequest

# C0 control characters and DEL. A query string may keep tab, newline and return: a search
# pasted from a document can hold them, and they harm nothing.
PATH_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
QUERY_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RejectMalformedRequestMiddleware:
    """Answers 400 to a request whose path or query string holds a control character."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path comes decoded; the query string as sent, so decode it as Django will.
        query = unquote_plus(request.META.get("QUERY_STRING", ""), errors="replace")
        if PATH_CONTROL_CHARACTER.search(request.path) or QUERY_CONTROL_CHARACTER.search(query):
            # Django answers with handler400: the error page, in words a person can read.
            raise BadRequest("Control character in the address")
        return self.get_response(request)
