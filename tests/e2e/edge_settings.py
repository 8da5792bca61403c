"""The e2e test settings with the page cache on, for the site behind the edge cache.

The edge cache keeps only what the page cache would keep (portal/edge_cache.py), and the test
settings turn the page cache off: tests/e2e/test_edge_cache.py serves the site with these.
"""

from portal.settings.test import *  # noqa: F403

PAGE_CACHE_SECONDS = 600
