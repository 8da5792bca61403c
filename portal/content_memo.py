"""Small derived facts about the content, kept in each process until the content changes.

Some things every page needs cost a query or more to work out but change only when editors
publish: the menu and footer of a language, which FAQ page a language has, the level of each
path. They are kept in process memory, keyed by the page cache's generation
(`portal.page_cache`), which moves on with every change to content in every process at once;
a process that sees a new generation drops what it kept under the old one. That only holds
where every process shares the cache (Redis) or there is one process: production without Redis
sets CONTENT_MEMO off, and everything is worked out again on each request.
"""

from django.conf import settings

from portal import page_cache

# {(name, generation): value}
_kept = {}


def content_generation(request):
    """The page cache's generation for this request, read from the shared cache at most once."""
    if not hasattr(request, "_content_generation"):
        request._content_generation = page_cache.generation()
    return request._content_generation


def remember(request, name, build):
    """`build()`, kept under the hashable `name` until the content changes.

    Without a request, or when the shared cache is unreachable, nothing tells when content
    changes, so nothing is kept.
    """
    if request is None or not settings.CONTENT_MEMO:
        return build()
    generation = content_generation(request)
    if generation is None:
        return build()
    key = (name, generation)
    if key not in _kept:
        # list() first: another thread may add to the dict meanwhile.
        for stale in [known for known in list(_kept) if known[1] != generation]:
            _kept.pop(stale, None)
        _kept[key] = build()
    return _kept[key]
