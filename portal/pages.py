"""Helpers every app uses to show pages in the reader's language."""

from wagtail.models import Page


def localize_pages(pages, locale):
    """Return the live translations of `pages` in `locale`, in the same order, in one query.

    Links between pages (featured guides, related guides) point at the source-language page;
    readers must land on the page of their own language. Pages not translated yet are left out.
    """
    pages = list(pages)
    if not pages:
        return []
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=[page.translation_key for page in pages], locale=locale)
        .specific()
    }
    return [
        translations[page.translation_key] for page in pages if page.translation_key in translations
    ]
