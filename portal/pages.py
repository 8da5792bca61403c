"""Helpers every app uses to show pages in the reader's language, in a fixed number of queries."""

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.lookups import StartsWith
from django.utils import timezone
from modelcluster.queryset import FakeQuerySet
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from portal import content_memo, public_address


def public_pages(queryset):
    """`queryset` without pages under a view restriction, as a subquery rather than Wagtail's
    `.public()`, which costs a query of its own to list the restrictions first."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return queryset.filter(~Exists(restricted))


def localize_pages(pages, locale, model=Page):
    """Return the live translations of `pages` in `locale`, in the same order, in one query.

    Links between pages (featured guides, related guides) point at the source-language page;
    readers must land on the page of their own language. Pages not translated yet are left out.
    `locale` is a Locale or its id. Give `model` when every page is of that type: the pages then
    come with their own fields, without the second query `.specific()` costs. Links show titles
    and summaries, so their StreamFields (the costliest fields to load) are left in the database.
    """
    pages = list(pages)
    if not pages:
        return []
    queryset = public_pages(model.objects.live()).filter(
        translation_key__in=[page.translation_key for page in pages], locale=locale
    )
    queryset = queryset.specific() if model is Page else queryset.defer_streamfields()
    translations = {page.translation_key: page for page in queryset}
    return [
        translations[page.translation_key] for page in pages if page.translation_key in translations
    ]


def localize_linked_pages(links, field, locale, model):
    """The live translations in `locale` of the `model` pages that the orderable `links` point at
    through `field`, in link order, in one query, without their StreamFields. Pages not
    translated yet are left out."""
    if isinstance(links, FakeQuerySet):
        # A preview or a revision holds its links in memory, where no subquery can reach them.
        linked = [getattr(link, field) for link in links]
        return localize_pages([page for page in linked if page is not None], locale, model)
    target_key = f"{field}__translation_key"
    link_order = links.filter(**{target_key: OuterRef("translation_key")}).values("sort_order")
    return list(
        public_pages(model.objects.live())
        .defer_streamfields()
        .filter(locale=locale, translation_key__in=links.values(target_key))
        .annotate(link_order=Subquery(link_order[:1]))
        .order_by("link_order", "path")
    )


def absolute_url(request, page):
    """The page's full public address, for links read outside the site (the printed booklet, the
    sitemap, structured data, feeds): `PUBLIC_URL`, or else the address the member used.

    Wagtail's `get_full_url` builds it from the Site record's hostname, which is 'localhost' on
    a fresh install unless `PUBLIC_URL` keeps it in step (portal/public_address.py).
    """
    return public_address.absolute(request, page.get_url(request))


def expired_page_ids(request=None):
    """Ids of live pages whose content has run out, such as a call past its closing date. Apps
    name them through the `expired_page_ids` hook; the search and the sitemap leave them out,
    so nothing has to unpublish them on the day. Kept until content changes or the day ends
    (`portal.content_memo`): a search asks several times."""

    def ask_the_apps():
        return [pk for hook in hooks.get_hooks("expired_page_ids") for pk in hook()]

    return content_memo.remember(request, ("expired pages", timezone.localdate()), ask_the_apps)


def current_pages(pages, request=None):
    """`pages` without the expired ones."""
    expired = expired_page_ids(request)
    return pages.exclude(id__in=expired) if expired else pages
