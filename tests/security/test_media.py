"""Uploaded images are served in production, originals and renditions alike; nothing else under
/media/ is: documents go only through Wagtail's view, with their download headers.

The image is shown, full width, in a step of a French guide built for the test.
"""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.security.test_hostile_input import PRODUCTION_SECURITY


def png_upload(name="photo.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (320, 200), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def production_client():
    return Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")


@pytest.fixture
def guide_with_image(site_tree):
    image = get_image_model().objects.create(title="Photo", file=png_upload())
    guide = GuidePageFactory(
        parent=PathPageFactory(parent=site_tree.home["fr"]),
        title="Déclarer ses frais",
        steps=[
            step(
                "Photographiez vos tickets",
                "<p>Une photo nette suffit.</p>"
                f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Une photo"/>',
            )
        ],
    )
    return guide, image


@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
def test_an_image_on_a_guide_answers_200_under_production_settings(guide_with_image):
    guide, image = guide_with_image
    client = production_client()

    page = client.get(guide.url, secure=True)
    sources = re.findall(r'<img[^>]+src="(/media/images/[^"]+)"', page.content.decode())
    assert page.status_code == 200
    assert sources, "the guide shows no rendition of the image"
    rendition = client.get(sources[0], secure=True)
    original = client.get(image.file.url, secure=True)

    for response in (rendition, original):
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
def test_documents_are_never_served_from_media_only_through_wagtail(db):
    document = get_document_model().objects.create(
        title="Notes", file=SimpleUploadedFile("notes.txt", b"<script>alert(1)</script>")
    )
    client = production_client()

    assert client.get(document.file.url, secure=True).status_code == 404
    served = client.get(document.url, secure=True)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../documents/notes.txt",
        "/media/images/%2e%2e/%2e%2e/etc/passwd",
        "/media/original_images/..%2f..%2fportal%2fsettings%2fbase.py",
        "/media/images/missing.png",
        "/media/images/logo.svg",
        "/media/documents/notes.txt",
    ],
)
def test_nothing_but_an_existing_image_is_served_from_media(path):
    assert production_client().get(path, secure=True).status_code == 404
