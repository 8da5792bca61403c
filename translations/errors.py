"""A machine translation service that fails gives the translator a message, not an error page.

wagtail-localize's machine translation view calls the service directly; when it is down, refuses
the key or is over its quota, the request raises. Nothing is written by then (translations are
stored only once the service has answered), so the translator is sent back with a message.
"""

import logging

import requests
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
# The route, not the view's name: translations/localize_guard.py answers at the same
# address as wagtail-localize's view, under no name of its own.
MACHINE_TRANSLATE_ROUTE = "localize/translate/<int:translation_id>/machine_translate/"


class MachineTranslationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if match is None or not match.route.endswith(MACHINE_TRANSLATE_ROUTE):
            return None
        if not isinstance(exception, requests.RequestException):
            return None
        logger.warning("Machine translation failed: %s", exception)
        messages.error(
            request,
            _(
                "The machine translation service did not answer. Nothing was changed: try "
                "again later, or translate by hand."
            ),
        )
        next_url = request.POST.get("next") or request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("wagtailadmin_home")
        return redirect(next_url)
