from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import document_ranges, media, robots
from portal.sitemap import MultilingualSitemap

# Ahead of Wagtail's admin: a few of its views that no hook can replace, limited to the person's
# languages (workflows/urls.py). Apps are included by name: the project shell imports none.
urlpatterns = [path("", include("workflows.urls"))]

urlpatterns += [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, answering byte ranges right (portal/document_ranges.py).
    re_path(r"^documents/(\d+)/(.*)$", document_ranges.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    # mozilla-django-oidc's start, callback and logout: one fixed address the provider knows.
    path("oidc/", include("mozilla_django_oidc.urls")),
]

# Images only, in production too (portal/media.py); documents only through Wagtail's view.
urlpatterns += [path("media/<path:path>", media.serve_image, name="media_image")]

# Every public page carries its language in the address (/fr/, /nl/, /en/), so links, caches
# and search engines always get one language; "/" redirects by the browser's Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("feedback.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.urls")),
    path("", include("events.urls")),
    path("", include("opportunities.urls")),
    path("", include("digest.urls")),
    path("", include("guides.urls")),
    path("", include(wagtail_urls)),
)

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
