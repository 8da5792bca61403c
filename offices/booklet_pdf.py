"""The welcome booklet as a PDF, made on the server with WeasyPrint and kept until its text changes.

The booklet is rendered to HTML first (cheap), and the PDF file is named after a fingerprint of
that HTML: any change that shows in the booklet — the booklet itself, its office's hours or
services, a Smart Facile guide, the stylesheet — gives a new name, so the PDF is made again on the
next download, and never otherwise. Older files of the same booklet and language are removed then.

WeasyPrint may only read this site's own static and media files, never another host, and uses the
fonts installed on the server (Debian's fonts-dejavu-core): no request leaves the machine.
"""

import hashlib
import logging
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint import __version__ as weasyprint_version
from weasyprint.urls import URLFetcher, URLFetcherResponse

STYLESHEET = "portal/css/booklet_pdf.css"
FOLDER = "booklets"
# WeasyPrint reports every layout step at INFO; only its warnings matter in the server's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class LocalFilesOnly(URLFetcher):
    """Hands WeasyPrint this site's static and media files; refuses any other address."""

    def fetch(self, url, headers=None):
        path = local_file(urlsplit(url).path)
        if path is None:
            raise ValueError(f"Only this site's static and media files are read, not {url}")
        return URLFetcherResponse(url, body=path.read_bytes())


def local_file(url_path):
    """The file on disk behind a /static/ or /media/ address, or None."""
    if url_path.startswith(settings.STATIC_URL):
        found = finders.find(url_path.removeprefix(settings.STATIC_URL))
        return Path(found) if found else None
    if url_path.startswith(settings.MEDIA_URL):
        media = Path(settings.MEDIA_ROOT).resolve()
        candidate = (media / url_path.removeprefix(settings.MEDIA_URL)).resolve()
        if candidate.is_relative_to(media) and candidate.is_file():
            return candidate
    return None


def booklet_html(booklet, request):
    """The booklet as one standalone HTML document, in the booklet's language."""
    with open(finders.find(STYLESHEET), encoding="utf-8") as file:
        stylesheet = file.read()
    with translation.override(booklet.locale.language_code):
        return render_to_string(
            "offices/welcome_booklet_pdf.html",
            {"page": booklet, "stylesheet": stylesheet, **booklet.booklet_context()},
        )


def stored_pdf(booklet, request):
    """The storage name of the booklet's PDF, made now if its content changed since last time."""
    html = booklet_html(booklet, request)
    fingerprint = hashlib.sha256(f"{weasyprint_version}\n{html}".encode()).hexdigest()[:20]
    language = booklet.locale.language_code
    folder = f"{FOLDER}/{booklet.translation_key}"
    name = f"{folder}/{language}-{fingerprint}.pdf"
    if default_storage.exists(name):
        return name
    document = HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=LocalFilesOnly()
    )
    # Tagged, so screen readers follow headings, lists and tables in the PDF too.
    pdf = document.write_pdf(pdf_tags=True)
    _dirs, files = default_storage.listdir(folder) if default_storage.exists(folder) else ([], [])
    for old in files:
        if old.startswith(f"{language}-"):
            default_storage.delete(f"{folder}/{old}")
    saved = default_storage.save(name, ContentFile(pdf))
    if saved != name:
        # Another request made the same file meanwhile: keep theirs.
        default_storage.delete(saved)
    return name


def download_name(booklet):
    office = booklet.get_parent()
    return f"{slugify(office.title)}-{slugify(booklet.title)}-{booklet.edition_year}.pdf"


def booklet_pdf_response(booklet, request):
    with default_storage.open(stored_pdf(booklet, request), "rb") as file:
        content = file.read()
    # A booklet is a few dozen kilobytes: sent whole, it can be kept by the page cache too.
    return HttpResponse(
        content,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(False, download_name(booklet))},
    )
