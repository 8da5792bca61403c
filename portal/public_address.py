"""The site's public address: one source for every absolute link the portal writes.

`PUBLIC_URL` (`https://portal.smart.coop`, from the environment) is that source wherever it is
set: the sitemap, canonical and hreflang links, structured data, feeds, the booklet, e-mails
(`WAGTAILADMIN_BASE_URL` follows it) and the default Wagtail Site, which migrations keep at that
hostname and port (`sync_default_site`). Without it (development, tests) links take the
address the request came to, never the Site record's `localhost`. `manage.py check` warns in
production when it is missing or points at this machine (portal/checks.py).
"""

from urllib.parse import urlsplit

from django.conf import settings

LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0", "testserver"}  # noqa: S104


def base_url(request=None):
    """'https://portal.smart.coop', without a trailing slash; '' if neither is known."""
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return ""


def absolute(request, url):
    """`url` (a path, or already absolute) as a full address on the public site."""
    if url is None:
        return None
    if urlsplit(url).scheme:
        if not settings.PUBLIC_URL:
            return url
        # A link Wagtail built from the Site record: keep its path, on the public address.
        parts = urlsplit(url)
        url = parts.path + (f"?{parts.query}" if parts.query else "")
    return base_url(request) + url


def is_local(url):
    """True when `url` names this machine rather than an address members can reach."""
    return (urlsplit(url).hostname or "") in LOCAL_HOSTNAMES


def sync_default_site(**kwargs):
    """Keep the default Wagtail Site at PUBLIC_URL's hostname and port (after each migrate)."""
    if not settings.PUBLIC_URL:
        return
    from wagtail.models import Site

    parts = urlsplit(settings.PUBLIC_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).exclude(hostname=parts.hostname, port=port).update(
        hostname=parts.hostname, port=port
    )
