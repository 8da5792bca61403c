"""Which result members choose: the results' links `ping` this view when followed.

Only a count per query, language, day and position is kept (search.query_log.log_click). The
link itself goes straight to the result, so no address here can send a member elsewhere.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import SearchQueryLog
from .query_log import log_click, normalise
from .results import CONTENT_TYPES

MAX_POSITION = 1000
MAX_PATH_LENGTH = 500


def local_path(value):
    """`value` if it is an address on this site ("/fr/…"), else None."""
    if (
        value.startswith("/")
        and not value.startswith("//")
        and "\\" not in value
        and len(value) <= MAX_PATH_LENGTH
        and value.isprintable()
    ):
        return value
    return None


# Browsers send a ping without a CSRF token; the view only adds to a counter.
@csrf_exempt
@require_POST
def result_click(request):
    """Count a followed result link: 204, or 400 with a short reason."""
    language = translation.get_language()
    query = normalise(request.GET.get("q", ""))
    position = request.GET.get("position", "")
    kind = request.GET.get("kind", "")
    path = local_path(request.GET.get("to", ""))
    if not query or not position.isascii() or not position.isdigit():
        return HttpResponseBadRequest(_("A search and a result position are needed."))
    position = int(position)
    if not 1 <= position <= MAX_POSITION or kind not in CONTENT_TYPES or path is None:
        return HttpResponseBadRequest(_("This is not a result of the search."))
    # Only searches members made count: the table can't be filled with made-up queries.
    if not SearchQueryLog.objects.filter(query=query, language=language).exists():
        return HttpResponseBadRequest(_("Nobody searched for this."))
    log_click(query, language, position, kind, path)
    return HttpResponse(status=204)
