"""Serving a page in a fixed, small number of queries, however deep it sits in the tree.

Wagtail routes one level at a time (two queries per level: the child by slug, then its specific
object) and checks view restrictions with two more. `PageRoutingMixin` finds every page on the
address in one query, keeps them as the page's ancestors for the breadcrumbs, and checks view
restrictions in one query. Behaviour is Wagtail's: a page type with routing of its own (such as a
RoutablePage with feeds) is handed the rest of the address, and a page that isn't live is a 404.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction


def ancestor_paths(page):
    """Tree paths of `page`'s ancestors, root first, computed from its own path."""
    return [page.path[: Page.steplen * depth] for depth in range(1, page.depth)]


def page_ancestors(page):
    """`page`'s ancestors from the language's home (depth 2) down; known from routing if served."""
    if getattr(page, "_routed_ancestors", None) is None:
        page._routed_ancestors = list(page.get_ancestors().filter(depth__gte=2).order_by("depth"))
    return page._routed_ancestors


def has_own_routing(page):
    route = getattr(page.specific_class, "route", Page.route)
    return route not in (Page.route, PageRoutingMixin.route)


class PageRoutingMixin:
    """Mixed into every page type: one query to route, one to check view restrictions."""

    def route(self, request, path_components):
        if not path_components or has_own_routing(self):
            return super().route(request, path_components)
        prefixes = [
            f"{self.url_path}{'/'.join(path_components[:length])}/"
            for length in range(1, len(path_components) + 1)
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=prefixes).descendant_of(self)
        }
        chain = [self]
        # The deepest page on the address takes the rest of it: a page type with routes of its
        # own (feeds, an agenda's past events) is handed what follows it, while its child pages
        # are still found in this one query, as Wagtail finds a child when no route matches.
        for prefix in prefixes:
            page = found.get(prefix)
            if page is None:
                break
            chain.append(page)
        if len(chain) == 1:
            raise Http404
        target = chain[-1].specific
        # As Wagtail's own routing does, so `get_parent()` costs no query.
        target._cached_parent_obj = chain[-2]
        target._routed_ancestors = chain[:-1]
        return target.route(request, path_components[len(chain) - 1 :])

    def get_view_restrictions(self):
        # Restrictions on this page and its ancestors, or on the source of any that is an alias.
        paths = [*ancestor_paths(self), self.path]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()
