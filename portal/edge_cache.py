"""The edge cache: Varnish in front of the app servers keeps what the page cache keeps, and
forgets it the moment content changes.

The site tells Varnish (deploy/varnish/portal.vcl) what it may keep through Cache-Control, and
only when an edge cache is configured (`EDGE_CACHE_PURGE_URLS`): a shared cache the site cannot
purge must not keep pages. A page the page cache keeps (portal/page_cache.py: anonymous, no
cookie set, no CSRF token, only named and confirmed query parameters) is marked
`public, max-age=0, s-maxage=<seconds left>` and tagged with `EDGE_TAG`; browsers revalidate,
Varnish keeps it. Anything else carries no shared lifetime, and the VCL keeps nothing without
one. An address with query parameters no page reads is served but not marked, so nobody can
fill Varnish by varying the address either.

Every change to content moves the page cache's generation on once committed; that same moment
each Varnish is asked to purge every object tagged `EDGE_TAG` (xkey), so no page shows a
changed menu, glossary term or office hours afterwards. A page whose rendering began before
such a change is not marked: it may hold the old content and reach Varnish after the purge.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

# The one tag every kept page carries: a change to content can touch any page (menus on every
# page, teasers, glossary links, listings), as the page cache's docstring explains.
EDGE_TAG = "portal-pages"
# A publish waits at most this long for each edge cache; an unreachable one is logged.
PURGE_TIMEOUT_SECONDS = 1


def is_configured():
    return bool(settings.EDGE_CACHE_PURGE_URLS)


def mark_shareable(response, seconds):
    """Let the edge cache keep `response` for `seconds`, tagged so a purge reaches it."""
    if not is_configured() or seconds <= 0:
        return
    patch_cache_control(response, public=True, max_age=0, s_maxage=int(seconds))
    response["xkey"] = EDGE_TAG


def purge_all():
    """Ask every edge cache to drop every page it keeps. Never fails the change that asks."""
    for address in settings.EDGE_CACHE_PURGE_URLS:
        # Addresses come from the deploy's settings, never from a request.
        request = urllib.request.Request(address, method="PURGE", headers={"xkey-purge": EDGE_TAG})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):  # noqa: S310
                pass
        except (OSError, urllib.error.URLError) as error:
            logger.warning("The edge cache at %s could not be purged: %s", address, error)
