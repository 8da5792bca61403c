"""The welcome booklet of each office: assembled from content, printable, and as a PDF made on the
server in each language, made again when what it shows changes and only then."""

import io
import shutil
import threading
from datetime import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.text import slugify
from pypdf import PdfReader

from guides.models import GuidePage
from offices.models import OfficeHours
from tests.pages import LANGUAGES, demo_page

TITLES = {
    "fr": ("Livret d'accueil", "Édition 2026", "Comment fonctionne la coopérative"),
    "nl": ("Welkomstbrochure", "Editie 2026", "Hoe de coöperatie werkt"),
    "en": ("Welcome booklet", "Edition 2026", "How the cooperative works"),
}


def booklet(key="brussels", language="fr"):
    return demo_page("booklet", key, language)


def facile_guides(language):
    path = demo_page("path", "facile", language)
    return list(GuidePage.objects.live().descendant_of(path).order_by("path"))


def stored_pdfs(page):
    folder = Path(settings.MEDIA_ROOT) / "booklets" / str(page.translation_key)
    return sorted(folder.glob(f"{page.locale.language_code}-*.pdf")) if folder.exists() else []


def forget_pdfs(page):
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "booklets" / str(page.translation_key), True)


def download(client, page):
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    name = f"{slugify(page.get_parent().title)}-{slugify(page.title)}-2026.pdf"
    assert response["Content-Disposition"] == f'inline; filename="{name}"'
    return response.content


def pdf_text(content):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_page_brings_together_welcome_cooperative_guides_and_office(client, language):
    page = booklet("antwerp", language)

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    title, edition, cooperative = TITLES[language]
    assert soup.h1.get_text(strip=True) == title
    assert soup.select_one(".booklet__edition").get_text(strip=True) == edition
    sections = [section["id"] for section in soup.select(".booklet-section")]
    assert sections == ["welcome", "cooperative", "taking-part", "first-steps", "your-office"]
    assert soup.select_one("#cooperative h2").get_text(strip=True) == cooperative
    welcome = BeautifulSoup(page.welcome, "html.parser").p.get_text()
    assert welcome in soup.select_one("#welcome").get_text()
    guides = facile_guides(language)
    assert [h.get_text(strip=True) for h in soup.select("#first-steps h3")] == [
        guide.title for guide in guides
    ]
    assert len(soup.select("#first-steps .booklet-steps > li")) == sum(
        len(guide.steps) for guide in guides
    )
    your_office = soup.select_one("#your-office")
    assert your_office.select_one("a[href^='tel:']")["href"] == "tel:+3230004567"
    assert len(your_office.select(".hours-table tbody tr")) == 7
    # A printed booklet has no "today".
    assert not your_office.select(".hours-table__today")


@pytest.mark.django_db
def test_the_booklet_prints_without_menus_and_offers_its_pdf(client):
    page = booklet("liege", "nl")

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one("link[rel=stylesheet][media=print]")
    download_link = soup.select_one(".booklet-actions a[download]")
    assert download_link["href"] == page.url + "pdf/"
    assert download_link["type"] == "application/pdf"


@pytest.mark.django_db
def test_the_booklet_shows_facile_guides_as_they_are_now(client):
    page = booklet("brussels", "en")
    guide = facile_guides("en")[0]
    guide.title = "Smart in five minutes"
    guide.save_revision().publish()

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select("#first-steps h3")[0].get_text(strip=True) == "Smart in five minutes"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_in_each_language_holds_the_office_and_the_booklet_text(client, language):
    page = booklet("liege", language)
    office = page.get_parent().specific

    content = download(client, page)

    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    title, edition, cooperative = TITLES[language]
    assert title in text
    assert edition in text
    assert cooperative in text
    assert office.title in text
    assert office.street_address in text
    assert facile_guides(language)[-1].title in text


@pytest.mark.django_db
def test_the_pdf_is_made_once_and_made_again_only_after_a_change(client):
    page = booklet("antwerp", "fr")
    forget_pdfs(page)

    first = download(client, page)
    [stored] = stored_pdfs(page)
    made_at = stored.stat().st_mtime_ns
    again = download(client, page)

    assert again == first
    assert stored_pdfs(page) == [stored]
    assert stored.stat().st_mtime_ns == made_at

    guide = facile_guides("fr")[1]
    guide.title = "Vous inscrire en dix minutes"
    guide.save_revision().publish()
    changed = download(client, page)

    [restored] = stored_pdfs(page)
    assert restored != stored
    assert "Vous inscrire en dix minutes" in pdf_text(changed)
    assert "Vous inscrire en dix minutes" not in pdf_text(first)


@pytest.mark.django_db
def test_new_office_hours_reach_the_pdf(client):
    page = booklet("liege", "en")
    office = page.get_parent().specific
    office.hours.add(OfficeHours(weekday=4, opens=time(10, 0), closes=time(15, 45)))
    office.save_revision().publish()

    text = pdf_text(download(client, page))

    assert "Friday 10:00 to 15:45" in text


class CountingHandler(BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def other_host():
    """A real HTTP server on 127.0.0.1 that notes every request it receives."""
    CountingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_making_the_pdf_requests_nothing_from_another_host(client, other_host):
    page = booklet("brussels", "nl")
    page.welcome += (
        f'<p><img src="{other_host}/tracker.png" alt=""></p>'
        f'<link rel="stylesheet" href="{other_host}/fonts.css">'
    )
    page.save_revision().publish()

    content = download(client, page)

    assert content.startswith(b"%PDF")
    assert CountingHandler.requests == []


@pytest.mark.django_db
def test_an_unknown_address_under_a_booklet_is_not_found(client):
    page = booklet("brussels", "fr")

    assert client.get(page.url + "pdf/nope/").status_code == 404
    assert client.get(page.url + "epub/").status_code == 404
