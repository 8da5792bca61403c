"""Titles that tell pages apart in suggestions and results.

Several pages may share a title (each office has its 'Welcome booklet'): listed together they
would look like one page three times. Those get their parent's title after theirs.
"""

from collections import Counter

from wagtail.models import Page


def distinct_titles(pages):
    """{page pk: title to show}, with the parent's title added where titles repeat."""
    counts = Counter(page.title for page in pages)
    repeated = [page for page in pages if counts[page.title] > 1]
    parents = {}
    if repeated:
        parent_paths = {page.path[: -Page.steplen] for page in repeated}
        parents = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    titles = {}
    for page in pages:
        parent = parents.get(page.path[: -Page.steplen]) if counts[page.title] > 1 else None
        titles[page.pk] = f"{page.title} – {parent}" if parent else page.title
    return titles
