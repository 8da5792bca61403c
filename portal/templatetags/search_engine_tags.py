"""The head of every page for search engines and link previews (`{% page_meta as meta %}`)."""

import re
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils import translation

from portal import public_address, search_engines
from portal.pages import absolute_url

register = template.Library()

# Open Graph names locales with their country: the portal's are Belgium's, and British English.
OPEN_GRAPH_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}
# Page types shared as articles; every other page is a website page.
ARTICLE_TYPES = {"GuidePage", "NewsPage"}


@dataclass(frozen=True)
class PageMeta:
    title: str
    canonical: str
    x_default: str
    description: str
    image: str
    open_graph_type: str
    open_graph_locale: str
    open_graph_alternates: list
    breadcrumbs: dict | None


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Canonical address, x-default, description, preview image and breadcrumbs of the page
    being shown, or of the view (search, errors) when it is no page."""
    request = context.get("request")
    page = context.get("page")
    page = page if getattr(page, "pk", None) else None
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    if page is not None:
        canonical = absolute_url(request, page)
        number = request.GET.get("page", "") if request is not None else ""
        # A listing's further pages are pages of their own, not copies of the first. ASCII digits
        # only: '²' and '①' are digits to str.isdigit, not to int().
        if re.fullmatch(r"[0-9]{1,6}", number) and int(number) > 1:
            canonical += f"?page={int(number)}"
    else:
        canonical = public_address.absolute(request, request.path if request else "/")
    return PageMeta(
        title=search_engines.title_of(page),
        canonical=canonical,
        x_default=public_address.base_url(request) + "/",
        description=search_engines.description_of(page),
        image=search_engines.share_image_url(request, search_engines.page_image(page)),
        open_graph_type="article"
        if page is not None and page.specific_class.__name__ in ARTICLE_TYPES
        else "website",
        open_graph_locale=OPEN_GRAPH_LOCALES.get(language, language),
        open_graph_alternates=[
            locale for code, locale in OPEN_GRAPH_LOCALES.items() if code != language
        ],
        breadcrumbs=search_engines.breadcrumb_list(request, page),
    )
