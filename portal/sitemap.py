"""The sitemap: every live page of every language, each with its hreflang alternates."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.pages import absolute_url, current_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap lists the default site's tree only: one language of three.
        language_roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = Q()
        for root in language_roots:
            in_a_language_tree |= Q(path__startswith=root.path)
        # Without pages that ran out (a closed call): they say so and ask not to be indexed.
        return (
            current_pages(Page.objects.live().public().filter(in_a_language_tree))
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        locations = {}
        for item in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=[item.translation_key for item in items])
            .select_related("locale")
        ):
            locations.setdefault(item.translation_key, []).append(
                {
                    "lang_code": item.locale.language_code,
                    "location": absolute_url(self.request, item),
                }
            )
        urls = []
        for item in items:
            url = {
                "item": item,
                "location": absolute_url(self.request, item),
                "lastmod": self.lastmod(item),
                "alternates": sorted(
                    locations.get(item.translation_key, []), key=lambda alt: alt["lang_code"]
                ),
            }
            urls.append(url)
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
