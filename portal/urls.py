from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from guides import views as guides_views
from home import views as home_views
from portal import admin_language_limits, media
from portal.sitemap import MultilingualSitemap
from search import views as search_views

# Ahead of Wagtail's admin, whose own URLs no hook can replace (portal/admin_language_limits.py).
urlpatterns = [
    path(
        "admin/choose-page/chosen-multiple/",
        admin_language_limits.chosen_pages,
    ),
    path(
        "admin/reports/page-types-usage/",
        admin_language_limits.page_types_report,
    ),
    path(
        "admin/reports/page-types-usage/results/",
        admin_language_limits.page_types_report_results,
    ),
    path(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        admin_language_limits.confirm_workflow_cancellation,
    ),
]

urlpatterns += [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

# Images only, in production too (portal/media.py); documents only through Wagtail's view.
urlpatterns += [path("media/<path:path>", media.serve_image, name="media_image")]

# Every public page carries its language in the address (/fr/, /nl/, /en/), so links, caches
# and search engines always get one language; "/" redirects by the browser's Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("feedback/<int:page_id>/", guides_views.page_feedback, name="page_feedback"),
    path("my-path/", home_views.choose_path, name="choose_path"),
    path("", include(wagtail_urls)),
)

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
