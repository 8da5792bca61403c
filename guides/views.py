"""Choosing, changing or forgetting the path that fits the member."""

from urllib.parse import urlsplit

from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from guides.models import Level

from .path_preference import forget_level, remember_level


def is_same_origin(request):
    """Whether the browser says the form was sent from this site.

    The form sits on cached pages, so it carries no CSRF token; the Origin and Sec-Fetch-Site
    headers browsers send with every form tell another site's forms apart instead.
    """
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.get_host()


@csrf_exempt
@require_POST
def choose_path(request):
    if not is_same_origin(request):
        return HttpResponseForbidden()
    target = request.POST.get("next", "")
    # Only a path on this site: redirect() would take a word without "/" or "." for the name
    # of a URL pattern, and fail on it.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    level = request.POST.get("level")
    if level in Level.values:
        remember_level(response, level)
    else:
        forget_level(response)
    return response
