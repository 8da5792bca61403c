"""WSGI entry point for gunicorn; production settings unless told otherwise."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the apps' models and settings) lives as long as the
# worker. Frozen, it is left out of every garbage collection: a full collection during a request
# took about 100 ms walking it, and now takes about 2 (docs/benchmarks.md, search latency).
gc.collect()
gc.freeze()
