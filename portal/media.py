"""Serves uploaded images, originals and renditions, in every environment.

Only images: their folders hold nothing else, and a file is sent only with an image extension
the upload form accepts (no SVG). Documents live in their own folder and are never served from
here: they go through Wagtail's view, which adds their download headers
(`WAGTAILDOCS_SERVE_METHOD`, docs/security.md). A proxy in front may serve the same two folders
itself, and must not serve the rest of MEDIA_ROOT (docs/deployment.md).
"""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

IMAGE_FOLDERS = ("original_images", "images")
# A rendition's name holds its filter and focal point; an original's is made unique on upload.
CACHE_SECONDS = 24 * 60 * 60


@require_safe
def serve_image(request, path):
    parts = PurePosixPath(path)
    extension = parts.suffix.lower().lstrip(".")
    if parts.parts[:1] not in [(folder,) for folder in IMAGE_FOLDERS] or extension not in (
        settings.WAGTAILIMAGES_EXTENSIONS
    ):
        raise Http404
    try:
        full_path = safe_join(settings.MEDIA_ROOT, path)
        # Opened here and closed by FileResponse once sent.
        file = open(full_path, "rb")  # noqa: SIM115
    except (SuspiciousFileOperation, OSError, ValueError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(full_path)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
