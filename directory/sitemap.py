"""Public profiles in the sitemap, in each language; members-only ones never are."""

from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap

from portal.public_address import absolute

from .choices import CONTENT_LANGUAGES
from .models import MemberProfile
from .visibility import listed_profiles


class PublicProfileSitemap(Sitemap):
    def items(self):
        return listed_profiles().filter(visibility=MemberProfile.PUBLIC).order_by("pk")

    def _location(self, profile, language):
        with translation.override(language):
            return absolute(self.request, reverse("directory:profile", args=[profile.pk]))

    def _urls(self, page, protocol, domain):
        urls = []
        for profile in self.paginator.page(page).object_list:
            alternates = [
                {"lang_code": code, "location": self._location(profile, code)}
                for code, _name in CONTENT_LANGUAGES
            ]
            for alternate in alternates:
                urls.append(
                    {
                        "item": profile,
                        "location": alternate["location"],
                        "lastmod": profile.last_published_at,
                        "alternates": alternates,
                    }
                )
        return urls
