"""The content generation after the shared cache was emptied (a Redis restart or flush) is new:
facts a process kept under an earlier generation are never served as current."""

from django.core.cache import cache
from django.test import RequestFactory

from portal import content_memo, page_cache


def test_an_emptied_cache_never_restarts_at_a_generation_already_counted():
    cache.clear()
    started = page_cache.generation()
    # A burst of changes, such as an import, counts many generations within a second.
    for _ in range(100):
        page_cache.next_generation()
    counted = range(started, page_cache.generation() + 1)

    cache.clear()
    page_cache.next_generation()

    assert page_cache.generation() not in counted


def test_a_fact_kept_before_the_cache_was_emptied_is_worked_out_again():
    cache.clear()
    for _ in range(5):
        page_cache.next_generation()
    kept = content_memo.remember(RequestFactory().get("/"), ("site",), lambda: "the old site")

    cache.clear()
    for _ in range(5):
        page_cache.next_generation()
    now = content_memo.remember(RequestFactory().get("/"), ("site",), lambda: "the new site")

    assert (kept, now) == ("the old site", "the new site")
