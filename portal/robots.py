"""robots.txt: the public site is open to search engines, the admin and search results are not,
and the sitemap is named at the public address."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from portal import public_address


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24)
def robots_txt(request):
    search_pages = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search_pages.append(reverse("search"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {address}" for address in sorted(set(search_pages))),
        "Allow: /",
        "",
        f"Sitemap: {public_address.base_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
