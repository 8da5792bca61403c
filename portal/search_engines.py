"""What search engines and link previews read of a page: its canonical address, the image that
stands for it, its breadcrumb trail as structured data, and its description.

Every address here is absolute, on the public address (portal/public_address.py).
"""

import re

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from portal import public_address
from portal.pages import absolute_url
from portal.routing import page_ancestors

SHARE_CARD = "portal/img/share-card.png"
# Link previews and search results show about this much of a description.
DESCRIPTION_CHARACTERS = 160
# Fields a page's description may come from, the editors' own first.
DESCRIPTION_FIELDS = ("search_description", "summary", "tagline", "lead", "intro")


def share_image_url(request, image=None):
    """The absolute address of `image` (a Wagtail image) at link-preview size, or of the site's
    card (1200 x 630) when the page has none."""
    if image is not None:
        return public_address.absolute(request, image.get_rendition("fill-1200x630").url)
    return public_address.absolute(request, static(SHARE_CARD))


def page_image(page):
    """The Wagtail image a page has for previews, if any (news items, offices)."""
    return getattr(page, "image", None) if page is not None else None


def title_of(page):
    """The page's title for browsers, search engines and previews: the editors' SEO title, or
    the page's own full title (a booklet names its office), or its title."""
    if page is None:
        return ""
    return page.seo_title or getattr(page, "full_title", None) or page.title


def description_of(page):
    """A plain description of `page`: the first of its description fields that is filled in, or
    the start of its text, cut at a word."""
    if page is None:
        return ""
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, "") or ""
        if value.strip():
            return Truncator(plain(value)).chars(DESCRIPTION_CHARACTERS)
    for field in ("welcome", "body"):
        value = getattr(page, field, None)
        if value:
            text = value if isinstance(value, str) else str(value)
            return Truncator(plain(text)).chars(DESCRIPTION_CHARACTERS)
    return ""


def plain(html):
    return re.sub(r"\s+", " ", strip_tags(html)).strip()


def breadcrumb_list(request, page):
    """schema.org BreadcrumbList of a page below its language's home: home, ..., the page."""
    if page is None or page.depth <= 2:
        return None
    trail = [*page_ancestors(page), page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute_url(request, crumb),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def organisation(request):
    """The cooperative as publisher and author of its pages."""
    return {
        "@type": "Organization",
        "name": "Smart",
        "url": public_address.base_url(request) + "/",
        "logo": {"@type": "ImageObject", "url": share_image_url(request)},
    }
