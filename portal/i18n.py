"""Where each language's version of the current page lives, for the switcher and hreflang links."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from portal import public_address


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


def live_translations(request, page=None):
    """{translation key: {language code: live page}} for the home pages and `page`, cached on
    the request. The switcher needs both, so they share one query when it asks first."""
    known = request.__dict__.setdefault("_live_translations", {})
    site = Site.find_for_request(request)
    keys = {page.translation_key} if isinstance(page, Page) and page.pk else set()
    if site is not None:
        keys.add(site.root_page.translation_key)
    missing = keys - known.keys()
    if missing:
        for key in missing:
            known[key] = {}
        for translated in (
            Page.objects.filter(translation_key__in=missing).live().select_related("locale")
        ):
            known[translated.translation_key][translated.locale.language_code] = translated
    return known


def locale_homes(request):
    """The live home page of every language, by language code, cached on the request."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return live_translations(request)[site.root_page.translation_key]


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
    translations = {}
    if isinstance(page, Page) and page.pk:
        # The switcher is the first to ask, so the homes come in the same query.
        found = live_translations(request, page)
        for code, translated in found.get(page.translation_key, {}).items():
            translations[code] = translated.get_url(request)
    homes = locale_homes(request)
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
                absolute_url=public_address.absolute(request, url),
            )
        )
    setattr(request, cache_key, versions)
    return versions
