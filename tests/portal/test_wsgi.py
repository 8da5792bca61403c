"""The worker gunicorn starts: the application loaded, then left out of garbage collections."""

import os
import subprocess
import sys

from django.conf import settings

# Django, Wagtail and the apps' models are hundreds of thousands of objects.
LOADED_OBJECTS = 50_000


def test_the_loaded_application_is_frozen_out_of_garbage_collection():
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gc; import portal.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        capture_output=True,
        text=True,
        check=True,
    )
    frozen, still_collected = (int(number) for number in loaded.stdout.split())

    assert frozen > LOADED_OBJECTS
    assert still_collected < frozen / 10
