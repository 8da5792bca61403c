"""Uploads: no SVG images, bounded sizes, and documents served only as downloads."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.django_db
def test_svg_images_are_refused(admin_user):
    form_class = get_image_form(get_image_model())
    form = form_class(
        {"title": "Logo"},
        {"file": SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")},
        user=admin_user,
    )

    assert not form.is_valid()
    assert "file" in form.errors


def test_upload_sizes_and_image_pixels_are_bounded():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("form.pdf", b"%PDF-1.4 not really"), ("notes.txt", b"<script>alert(1)</script>")],
)
def test_documents_are_served_as_downloads_that_run_nothing(client, name, content):
    document = get_document_model().objects.create(
        title=name, file=SimpleUploadedFile(name, content)
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
