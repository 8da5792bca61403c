"""Start-up checks: the shared Redis cannot grow without bound; production knows its address.

The page cache keeps a bounded number of copies of each page (portal/page_cache.py), but the
bound that holds whatever else happens is Redis's own: `maxmemory` and an eviction policy that
drops old keys when it is reached (docs/deployment.md). A Redis without them grows until the
machine runs out of memory; with `noeviction` it refuses writes once full.
"""

from django.core.cache import caches
from django.core.checks import Tags, Warning, register
from django_redis import get_redis_connection

EVICTING = "a policy that evicts keys, such as allkeys-lru"


def redis_memory_settings():
    """{"maxmemory": …, "maxmemory-policy": …} of the default cache's Redis, or None if the
    default cache is not Redis."""
    backend = caches["default"]
    if not type(backend).__module__.startswith("django_redis"):
        return None
    return get_redis_connection("default").config_get("maxmemory*")


@register(Tags.caches)
def check_redis_memory_limit(app_configs, **kwargs):
    try:
        memory = redis_memory_settings()
    except Exception as error:  # noqa: BLE001 - any failure to ask is reported, not raised
        return [
            Warning(
                f"Could not read Redis's maxmemory settings: {error}",
                hint="Check them by hand: set maxmemory and " + EVICTING + ".",
                id="portal.W001",
            )
        ]
    if memory is None:
        return []
    warnings = []
    if int(memory.get("maxmemory", 0)) == 0:
        warnings.append(
            Warning(
                "Redis has no maxmemory: the cache can grow until the machine runs out.",
                hint="Set maxmemory in redis.conf (docs/deployment.md).",
                id="portal.W002",
            )
        )
    if memory.get("maxmemory-policy", "noeviction") == "noeviction":
        warnings.append(
            Warning(
                "Redis's maxmemory-policy is noeviction: a full cache refuses every write.",
                hint="Set maxmemory-policy to " + EVICTING + " (docs/deployment.md).",
                id="portal.W003",
            )
        )
    return warnings


@register(Tags.security, deploy=True)
def check_public_address(app_configs, **kwargs):
    """Production links (sitemap, feeds, structured data, e-mails) need the public address."""
    from django.conf import settings

    from .public_address import is_local

    if not settings.PUBLIC_URL:
        return [
            Warning(
                "PUBLIC_URL is not set: links for search engines, feeds and e-mails take "
                "whatever address each request came to.",
                hint="Set PUBLIC_URL to the address members use, e.g. https://portal.smart.coop.",
                id="portal.W010",
            )
        ]
    if is_local(settings.PUBLIC_URL):
        return [
            Warning(
                f"PUBLIC_URL is {settings.PUBLIC_URL}: search engines and members can't reach it.",
                hint="Set PUBLIC_URL to the address members use, e.g. https://portal.smart.coop.",
                id="portal.W011",
            )
        ]
    return []
