"""Nobody can fill the page cache by varying the address: random query strings add no copy of
a page, and only the values a page confirms (a news page number, a tag) get a copy of their own.

Run against a real Redis (database 9 of the local server), configured as production configures
it, so the entries counted are the keys Redis holds. The pages are those of the realistic site of
tests/performance/conftest.py: a home page, a guide and a news listing with tags.
"""

import random
import string

import pytest
from django.core.cache import cache

from portal import page_cache
from portal.settings.base import redis_cache

REDIS_URL = "redis://127.0.0.1:6379/9"
PAGE_KEYS = "page-cache:page:*"


@pytest.fixture
def page_cache_on_redis(settings):
    settings.CACHES = {"default": redis_cache(REDIS_URL)}
    settings.PAGE_CACHE_SECONDS = 600
    cache.delete_pattern(PAGE_KEYS)
    page_cache.next_generation()
    yield
    cache.delete_pattern(PAGE_KEYS)


def random_query(chance):
    """A query string of one to four parameters, some named as pages read them, with junk."""
    names = [*sorted(page_cache.VARYING_PARAMETERS), "x", "utm_source", "q", "fbclid"]
    junk = string.ascii_letters + string.digits + "%-_.~"
    return "&".join(
        f"{chance.choice(names + [''.join(chance.choices(string.ascii_lowercase, k=5))])}="
        f"{''.join(chance.choices(junk, k=chance.randint(0, 12)))}"
        for _ in range(chance.randint(1, 4))
    )


@pytest.mark.django_db
def test_a_thousand_random_query_strings_add_at_most_one_entry_per_page(
    client, site, page_cache_on_redis
):
    chance = random.Random(13)  # noqa: S311 - test data, not a secret
    pages = [site.home["fr"].url, site.guide["nl"].url, site.news_index["en"].url]
    statuses = set()

    for number in range(1000):
        response = client.get(f"{pages[number % len(pages)]}?{random_query(chance)}")
        statuses.add(response.status_code)

    assert statuses <= {200, 400, 404}
    assert len(cache.keys(PAGE_KEYS)) <= len(pages)


@pytest.mark.django_db
def test_an_unknown_parameter_is_served_the_page_kept_without_it(client, site, page_cache_on_redis):
    guide = site.guide["fr"]

    assert client.get(guide.url)["X-Cache"] == "MISS"
    assert client.get(f"{guide.url}?utm_source=newsletter&x=1")["X-Cache"] == "HIT"
    assert len(cache.keys(PAGE_KEYS)) == 1


@pytest.mark.django_db
def test_each_tag_of_the_news_listing_is_kept_once_and_bad_values_not_at_all(
    client, site, page_cache_on_redis
):
    news = site.news_index["en"]
    tag = news.tags_in_use().first().slug

    assert client.get(f"{news.url}?tag={tag}")["X-Cache"] == "MISS"
    assert client.get(f"{news.url}?x=3&tag={tag}")["X-Cache"] == "HIT"
    # Page 1 spelt otherwise, or a page number int() cannot read: served, never kept.
    assert "X-Cache" not in client.get(f"{news.url}?tag={tag}&page=01")
    assert client.get(f"{news.url}?page=%C2%B2").status_code == 404
    assert client.get(f"{news.url}?tag={tag}&tag={tag}").get("X-Cache") != "HIT"
    assert len(cache.keys(PAGE_KEYS)) == 1


@pytest.mark.django_db
def test_a_parameter_a_page_reads_is_never_answered_from_the_copy_without_it(
    client, site, page_cache_on_redis
):
    guide = site.guide["en"]
    client.get(guide.url)

    thanked = client.get(f"{guide.url}?feedback=thanks")

    assert thanked.get("X-Cache") != "HIT"
    assert "Thank you for your answer." in thanked.content.decode()
