"""Pages whose address or title resembles an address that leads nowhere, for the 404 page.

A mistyped or outdated link usually still holds the words of the page it meant: a slug one
letter off ('/fr/smart-facile/premier-contra/') or a page that moved ('/fr/premier-contrat/').
"""

import difflib
import logging
import re
from urllib.parse import unquote

from django.conf import settings
from wagtail.models import Locale, Page

from portal.i18n import current_home

logger = logging.getLogger(__name__)
SUGGESTIONS = 3
# The last few words of an address say most about the page it meant.
WORDS = 6
# Addresses deeper than any page, and parents with more children than this, get no look-alike.
MAX_DEPTH = 6
MAX_SIBLINGS = 500
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def words_of(text):
    return [
        word
        for word in re.split(r"[\W_]+", text)
        if len(word) >= 3 and word.lower() not in LANGUAGE_CODES and not word.isdigit()
    ]


def address_words(path):
    return words_of(unquote(path))[-WORDS:]


def sibling_with_a_close_slug(request, segments):
    """The live page next to where the address points whose slug is closest to its last part:
    '/fr/smart-facile/premier-contra/' finds '/fr/smart-facile/premier-contrat/'."""
    home = current_home(request)
    if home is None or not segments or len(segments) > MAX_DEPTH:
        return None
    parent = home
    for slug in segments[:-1]:
        parent = parent.get_children().live().filter(slug=slug).first()
        if parent is None:
            return None
    # A bounded look: a 404 must stay cheap, whoever asks for many of them.
    slugs = list(
        parent.get_children().live().public().values_list("slug", flat=True)[:MAX_SIBLINGS]
    )
    close = difflib.get_close_matches(segments[-1], slugs, n=1, cutoff=0.75)
    return parent.get_children().live().get(slug=close[0]) if close else None


def pages_like(request):
    """Up to three live, public pages of the active language that the request's address likely
    meant: a page next to where it points with a close slug, then pages holding every word of
    its last part. An address that resembles nothing gets no suggestion rather than noise."""
    segments = [segment for segment in unquote(request.path).split("/") if words_of(segment)]
    if not segments:
        return []
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active(), depth__gt=2)
        .defer_streamfields()
    )
    # The address's own segments after the language, as Wagtail routes them.
    route = [segment for segment in unquote(request.path).split("/") if segment][1:]
    found = []
    try:
        sibling = sibling_with_a_close_slug(request, route)
        if sibling is not None:
            found.append(sibling)
        words = words_of(segments[-1])[-WORDS:]
        for page in pages.search(" ".join(words), operator="and")[:SUGGESTIONS]:
            if page not in found:
                found.append(page)
    except Exception:  # noqa: BLE001 - a 404 page answers even when search can't
        logger.warning("No suggestions for a missing page", exc_info=True)
    return found[:SUGGESTIONS]
