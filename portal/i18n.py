"""Where each language's version of the current page lives, for the switcher and hreflang links."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site


@dataclass
class LanguageVersion:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no translation in this language yet: `url` leads to its home.
    is_translated: bool
    absolute_url: str = ""

    @property
    def missing_note(self):
        with translation.override(self.code):
            return gettext("Not translated yet: go to the home page")


def locale_homes(request):
    """The live home page of every language, by language code, cached on the request."""
    if not hasattr(request, "_locale_homes"):
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            for home in (
                site.root_page.get_translations(inclusive=True).live().select_related("locale")
            ):
                homes[home.locale.language_code] = home
        request._locale_homes = homes
    return request._locale_homes


def current_home(request):
    return locale_homes(request).get(translation.get_language()) or locale_homes(request).get(
        settings.LANGUAGE_CODE
    )


def language_versions(request, page=None, homes_only=False):
    """Every language's version of `page` (or of the current non-page view), cached on the request.

    With `homes_only` (error pages), every language leads to its home page.
    """
    cache_key = "_language_versions"
    if hasattr(request, cache_key):
        return getattr(request, cache_key)
    current = translation.get_language()
    homes = locale_homes(request)
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated.get_url(request)
    versions = []
    for code, name in settings.LANGUAGES:
        if homes_only:
            url, is_translated = None, True
        elif isinstance(page, Page):
            url = translations.get(code)
            is_translated = url is not None
        else:
            # A view outside the page tree (search, errors) exists in every language.
            url = translate_url(request.get_full_path(), code) if request.resolver_match else None
            is_translated = url is not None
        if url is None:
            home = homes.get(code)
            url = home.get_url(request) if home else f"/{code}/"
        versions.append(
            LanguageVersion(
                code,
                name,
                url,
                is_current=code == current,
                is_translated=is_translated,
                absolute_url=request.build_absolute_uri(url),
            )
        )
    setattr(request, cache_key, versions)
    return versions
