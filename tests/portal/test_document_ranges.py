"""Documents answer byte ranges, as a video player asks for them, through Wagtail's own view."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from portal.document_ranges import requested_range

BODY = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def video(db):
    document = Document.objects.create(
        title="Tutorial", file=ContentFile(BODY, name="tutorial.mp4")
    )
    yield document
    document.file.delete(save=False)


def body_of(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=10000-", 10000, 10239),
        ("bytes=-240", 10000, 10239),
        ("bytes=10200-99999", 10200, 10239),
    ],
)
def test_one_range_is_answered_with_that_part_only(client, video, header, first, last):
    response = client.get(video.url, HTTP_RANGE=header)

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(BODY)}"
    assert int(response["Content-Length"]) == last - first + 1
    assert body_of(response) == BODY[first : last + 1]
    # Still a download, whatever the range: Wagtail's own headers stay.
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Type"] == "video/mp4"


def test_without_a_range_the_whole_file_says_ranges_are_accepted(client, video):
    response = client.get(video.url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body_of(response) == BODY


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "lines=0-9", "bytes=abc", "bytes=-"])
def test_a_range_it_does_not_serve_gets_the_whole_file(client, video, header):
    response = client.get(video.url, HTTP_RANGE=header)

    assert response.status_code == 200
    assert body_of(response) == BODY


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=500-100", "bytes=-0"])
def test_a_range_past_the_end_is_refused_with_416(client, video, header):
    response = client.get(video.url, HTTP_RANGE=header)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(BODY)}"


def test_if_range_always_gets_the_whole_file(client, video):
    response = client.get(video.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')

    assert response.status_code == 200


def test_requested_range_reads_the_three_forms():
    assert requested_range("bytes=0-0", 1) == (0, 0)
    assert requested_range("bytes=-5", 3) == (0, 2)
    assert requested_range(None, 10) is None
