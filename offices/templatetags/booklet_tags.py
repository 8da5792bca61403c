"""The welcome booklets of every office, offered where newcomers start (the Smart Facile path)."""

from django import template
from wagtail.models import Locale, Page, Site

from offices.models import WelcomeBookletPage
from portal import content_memo
from portal.pages import public_pages

register = template.Library()


def booklets_of(request, locale):
    booklets = list(
        public_pages(WelcomeBookletPage.objects.live().filter(locale=locale)).order_by("path")
    )
    offices = dict(
        Page.objects.filter(
            path__in=[booklet.path[: -Page.steplen] for booklet in booklets]
        ).values_list("path", "title")
    )
    return [
        {
            "office": offices.get(booklet.path[: -Page.steplen], ""),
            "url": booklet.get_url(request),
            "pdf_url": booklet.get_url(request) + booklet.reverse_subpage("pdf"),
            "edition": booklet.edition_year,
        }
        for booklet in booklets
    ]


@register.simple_tag(takes_context=True)
def welcome_booklets(context):
    """[{office, url, pdf_url, edition}] of the live booklets in the reader's language."""
    request = context.get("request")
    locale = Locale.get_active()
    # The addresses are relative to the request's site, so they are kept per site.
    site = Site.find_for_request(request) if request is not None else None
    return content_memo.remember(
        request,
        ("welcome booklets", getattr(site, "pk", None), locale.pk),
        lambda: booklets_of(request, locale),
    )
