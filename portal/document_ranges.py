"""Documents sent with byte ranges, so that tutorial videos play and seek on every phone.

Wagtail's document view sends each file through a "sendfile" backend (`SENDFILE_BACKEND`); its
default sends the whole file and ignores `Range`. Safari (iPhone, iPad) plays a video only from
a server that answers ranges, and every browser seeks with them. This backend answers one byte
range with 206 Partial Content (RFC 9110, section 14), a range past the end with 416, and
anything else (no range, several ranges, an `If-Range`) with the whole file. Wagtail's view still
decides who may download, and adds the download and security headers.
"""

import os
import re
import stat

from django.http import FileResponse, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils.http import http_date
from wagtail.documents.views import serve
from wagtail.utils.sendfile_streaming_backend import was_modified_since

SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
PARTIAL = re.compile(r"^bytes (\d+)-(\d+)/")
CHUNK_BYTES = 64 * 1024


def requested_range(header, size):
    """(first byte, last byte) of a single range `header` for a file of `size` bytes; None for
    no usable range (send the whole file); ValueError for a range that lies past the end."""
    match = SINGLE_RANGE.match((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        # 'bytes=-500': the last 500 bytes.
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(size - length, 0), size - 1
    first = int(first)
    last = size - 1 if last == "" else min(int(last), size - 1)
    if first >= size or first > last:
        raise ValueError("range not satisfiable")
    return first, last


def file_part(path, first, last):
    with open(path, "rb") as file:
        file.seek(first)
        remaining = last - first + 1
        while remaining > 0:
            chunk = file.read(min(CHUNK_BYTES, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk


def sendfile(request, filename, mimetype=None, **kwargs):
    statobj = os.stat(filename)
    modified = statobj[stat.ST_MTIME]
    if not was_modified_since(request.headers.get("if-modified-since"), modified):
        return HttpResponseNotModified()
    size = statobj[stat.ST_SIZE]
    try:
        # An If-Range asks for a part only if the file is unchanged: the whole file is always right.
        byte_range = (
            None
            if "if-range" in request.headers
            else requested_range(request.headers.get("range"), size)
        )
    except ValueError:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if byte_range is None:
        response = FileResponse(open(filename, "rb"), content_type=mimetype)  # noqa: SIM115 - closed by the response
    else:
        first, last = byte_range
        response = StreamingHttpResponse(
            file_part(filename, first, last), status=206, content_type=mimetype
        )
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(modified)
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, with the length of a partial answer set right: Wagtail's
    sendfile sets every answer's Content-Length to the whole file's size."""
    response = serve.serve(request, document_id, document_filename)
    if response.status_code == 206:
        first, last = PARTIAL.match(response["Content-Range"]).groups()
        response["Content-Length"] = str(int(last) - int(first) + 1)
    return response
