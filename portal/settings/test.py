"""Test runs: fast password hashing, local memory cache, files in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-6b1e2f7c9d0a4e3b"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A server the tests start in another process (tests/e2e/live_site.py) is handed the folder the
# tests wrote to; otherwise each process would make its own and serve none of the files.
MEDIA_ROOT = os.environ.get("PORTAL_TEST_MEDIA_ROOT") or tempfile.mkdtemp(
    prefix="portal-test-media-"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# whitenoise expects collected files; tests serve none, so give it an empty folder.
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
# Tests change content without publishing through Wagtail, so pages are never cached unless a
# test turns the page cache on (tests/performance/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# The test client's login() passes no request, which django-axes requires; the throttling test
# turns it back on (tests/security/test_login_throttling.py).
AXES_ENABLED = False
