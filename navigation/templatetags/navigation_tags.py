"""The main menu and the footer of the reader's language, from the editors' snippets.

Building them costs a few queries (the snippet, the linked pages in that language), and every page
shows both, so the result is kept per process, per site and per language until the content
changes (`portal.content_memo`): any saved menu, footer or published page counts.
"""

from dataclasses import dataclass, field

from django import template
from django.utils import translation
from wagtail.models import Locale, Site

from navigation.models import SiteFooter, SiteNavigation
from portal import content_memo
from portal.pages import localize_pages
from portal.templatetags.portal_tags import main_menu

register = template.Library()


@dataclass(frozen=True)
class NavigationLink:
    label: str
    url: str
    path: str
    page_id: int

    def current(self, page):
        """'page' on the linked page itself, 'true' below it, '' elsewhere (for aria-current)."""
        path = getattr(page, "path", "")
        if not path.startswith(self.path):
            return ""
        return "page" if page.pk == self.page_id else "true"


@dataclass(frozen=True)
class FooterGroup:
    heading: str
    links: list


@dataclass(frozen=True)
class SiteChrome:
    # None where editors made no menu (or footer) for this language: templates fall back.
    menu: list | None = None
    # The link to the contact page at the top of every page, if editors chose one.
    contact: NavigationLink | None = None
    about: str = ""
    help_note: str = ""
    groups: list = field(default_factory=list)
    has_footer: bool = False


def link_blocks(stream_values):
    return [(value["page"], value["label"]) for value in stream_values if value.get("page")]


def build_links(request, pairs, locale):
    """`pairs` of (chosen page, label) as links to the live pages of `locale`, in order."""
    localized = localize_pages([page for page, _label in pairs], locale)
    by_key = {page.translation_key: page for page in localized}
    links = []
    for page, label in pairs:
        target = by_key.get(page.translation_key)
        if target is None:
            continue
        links.append(
            NavigationLink(
                label=label,
                url=target.get_url(request),
                path=target.path,
                page_id=target.pk,
            )
        )
    return links


def build_chrome(request, language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return SiteChrome()
    navigation = SiteNavigation.objects.filter(locale=locale).order_by("pk").first()
    footer = SiteFooter.objects.filter(locale=locale).order_by("pk").first()
    menu = None
    contact = None
    if navigation is not None:
        menu = build_links(request, link_blocks(block.value for block in navigation.links), locale)
        if navigation.contact_page is not None:
            contact = next(
                iter(build_links(request, [(navigation.contact_page, "")], locale)), None
            )
    if footer is None:
        return SiteChrome(menu=menu, contact=contact)
    groups = []
    for block in footer.link_groups:
        links = build_links(request, link_blocks(block.value["links"]), locale)
        if links:
            groups.append(FooterGroup(heading=block.value["heading"], links=links))
    return SiteChrome(
        menu=menu,
        contact=contact,
        about=footer.about,
        help_note=footer.help_note,
        groups=groups,
        has_footer=True,
    )


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The menu and footer of the active language, shared by the header and the footer."""
    request = context.get("request")
    if request is None:
        return SiteChrome()
    if hasattr(request, "_site_chrome"):
        return request._site_chrome
    site = Site.find_for_request(request)
    language = translation.get_language()
    chrome = content_memo.remember(
        request,
        ("site chrome", getattr(site, "pk", None), language),
        lambda: build_chrome(request, language),
    )
    request._site_chrome = chrome
    return chrome


@register.simple_tag(takes_context=True)
def link_current(context, link):
    """aria-current's value for `link` on the page being shown."""
    return link.current(context.get("page"))


@register.simple_tag(takes_context=True)
def main_menu_links(context):
    """Where editors made no menu: the sections under the home page, as menu links."""
    request = context.get("request")
    return [
        NavigationLink(label=page.title, url=page.get_url(request), path=page.path, page_id=page.pk)
        for page in main_menu(context)
    ]
