"""The welcome booklet of each office: assembled from content, printable, and as a PDF made on the
server in each language, made again when what it shows changes and only then.

The module builds, once, an office with its booklet and the Smart Facile guides the booklet
gathers (and a Smart Basic guide it leaves out), in French and translated into Dutch and English
through wagtail-localize.
"""

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

from guides.models import GuidePage, Level
from offices.models import OfficeHours, WelcomeBookletPage
from portal.punctuation import french_spacing
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.offices.factories import (
    ContactPageFactory,
    OfficePageFactory,
    WelcomeBookletPageFactory,
    opening_hours,
)
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
TITLES = {
    "fr": ("Livret d'accueil", "Édition 2026", "Comment fonctionne la coopérative"),
    "nl": ("Welkomstbrochure", "Editie 2026", "Hoe de coöperatie werkt"),
    "en": ("Welcome booklet", "Edition 2026", "How the cooperative works"),
}
WELCOME = {
    "fr": "Bienvenue chez Smart ! À Liège, notre petite équipe connaît bien le spectacle.",
    "nl": "Welkom bij Smart! In Luik kent ons kleine team de podiumkunsten goed.",
    "en": "Welcome to Smart! In Liège, our small team knows the performing arts well.",
}
OFFICE_TEXT = {
    "fr": {"title": "Smart Liège", "street_address": "Quai des Artisans 8"},
    "nl": {"title": "Smart Luik", "street_address": "Quai des Artisans 8"},
    "en": {"title": "Smart Liège", "street_address": "Quai des Artisans 8"},
}
# The Smart Facile guides, in the order of the path, with their steps.
FACILE_GUIDES = {
    "fr": ["Vous inscrire chez Smart", "Votre premier contrat"],
    "nl": ["U inschrijven bij Smart", "Uw eerste contract"],
    "en": ["Signing up with Smart", "Your first contract"],
}
FACILE_STEPS = [
    [
        step("Prenez rendez-vous", "<p>Appelez l'accueil des membres.</p>"),
        step("Apportez votre carte d'identité", "<p>Et votre numéro de compte.</p>"),
    ],
    [step("Encodez le contrat", "<p>Avant le début du travail, dans votre espace membre.</p>")],
]
BASIC_GUIDE = "Facturer un client à l'étranger"


@pytest.fixture(scope="module")
def booklet_site(shared_data):
    """The office of Liège with its booklet, and the guides of two paths, in every language."""
    with shared_data():
        tree = build_site_tree()
        facile = PathPageFactory(parent=tree.home["fr"], level=Level.FACILE)
        guides = [
            GuidePageFactory(parent=facile, title=title, steps=steps)
            for title, steps in zip(FACILE_GUIDES["fr"], FACILE_STEPS, strict=True)
        ]
        basic = PathPageFactory(parent=tree.home["fr"], level=Level.BASIC)
        basic_guide = GuidePageFactory(parent=basic, title=BASIC_GUIDE)
        contact = ContactPageFactory(parent=tree.home["fr"])
        # Closed on Fridays.
        office = OfficePageFactory(
            parent=contact,
            title=OFFICE_TEXT["fr"]["title"],
            street_address=OFFICE_TEXT["fr"]["street_address"],
            phone="+32 4 000 78 90",
            hours=[opening_hours(weekday, "09:30", "16:30") for weekday in range(4)],
        )
        booklet = WelcomeBookletPageFactory(
            parent=office,
            title=TITLES["fr"][0],
            edition_year=2026,
            welcome=f"<p>{WELCOME['fr']}</p><p>Venez avec vos questions.</p>",
        )
        booklets = {"fr": booklet}
        facile_paths = {"fr": facile}
        for language in ["nl", "en"]:
            facile_paths[language] = translate(facile, language)
            for page in [basic, basic_guide, contact]:
                translate(page, language)
            for number, guide in enumerate(guides):
                titles = {FACILE_GUIDES["fr"][number]: FACILE_GUIDES[language][number]}
                translate(guide, language, titles)
            translate(
                office,
                language,
                {
                    OFFICE_TEXT["fr"][field]: OFFICE_TEXT[language][field]
                    for field in OFFICE_TEXT["fr"]
                },
            )
            booklets[language] = translate(
                booklet,
                language,
                {TITLES["fr"][0]: TITLES[language][0], WELCOME["fr"]: WELCOME[language]},
            )
        yield {"booklets": booklets, "facile": facile_paths}


@pytest.fixture
def booklet(booklet_site, db):
    """The booklet in a language, read afresh: what an earlier test changed is undone."""

    def booklet_in(language="fr"):
        return WelcomeBookletPage.objects.get(pk=booklet_site["booklets"][language].pk)

    return booklet_in


@pytest.fixture
def facile_guides(booklet_site, db):
    """The live guides of Smart Facile in a language, in the order of the path."""

    def guides_in(language):
        path = booklet_site["facile"][language]
        return list(GuidePage.objects.live().descendant_of(path).order_by("path"))

    return guides_in


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_page_brings_together_welcome_cooperative_guides_and_office(
    client, booklet, facile_guides, language
):
    page = booklet(language)

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    title, edition, cooperative = TITLES[language]
    # Each office's booklet says whose it is in its heading and title: they never look alike.
    office = page.get_parent().title
    assert soup.h1.get_text(" ", strip=True) == f"{title} – {office}"
    assert soup.title.get_text().startswith(f"{title} – {office}")
    assert soup.select_one(".booklet__edition").get_text(strip=True) == edition
    sections = [section["id"] for section in soup.select(".booklet-section")]
    assert sections == ["welcome", "cooperative", "taking-part", "first-steps", "your-office"]
    assert soup.select_one("#cooperative h2").get_text(strip=True) == cooperative
    welcome = BeautifulSoup(page.welcome, "html.parser").p.get_text()
    assert welcome == WELCOME[language]
    # As French pages set it: a narrow no-break space before '!'.
    shown = french_spacing(welcome) if language == "fr" else welcome
    assert shown in soup.select_one("#welcome").get_text()
    guides = facile_guides(language)
    assert [h.get_text(strip=True) for h in soup.select("#first-steps h3")] == [
        guide.title for guide in guides
    ]
    assert [guide.title for guide in guides] == FACILE_GUIDES[language]
    assert len(soup.select("#first-steps .booklet-steps > li")) == sum(
        len(guide.steps) for guide in guides
    )
    your_office = soup.select_one("#your-office")
    assert your_office.select_one("a[href^='tel:']")["href"] == "tel:+3240007890"
    assert len(your_office.select(".hours-table tbody tr")) == 7
    # A printed booklet has no "today".
    assert not your_office.select(".hours-table__today")


def test_the_booklet_prints_without_menus_and_offers_its_pdf(client, booklet):
    page = booklet("nl")

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one("link[rel=stylesheet][media=print]")
    download_link = soup.select_one(".booklet-actions a[download]")
    assert download_link["href"] == page.url + "pdf/"
    assert download_link["type"] == "application/pdf"


def test_the_booklet_shows_facile_guides_as_they_are_now(client, booklet, facile_guides):
    page = booklet("en")
    guide = facile_guides("en")[0]
    guide.title = "Smart in five minutes"
    guide.save_revision().publish()

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select("#first-steps h3")[0].get_text(strip=True) == "Smart in five minutes"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_in_each_language_holds_the_office_and_the_booklet_text(
    client, booklet, facile_guides, language
):
    page = booklet(language)
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


def test_the_pdf_is_made_once_and_made_again_only_after_a_change(client, booklet, facile_guides):
    page = booklet("fr")
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


def test_new_office_hours_reach_the_pdf(client, booklet):
    page = booklet("en")
    office = page.get_parent().specific
    office.hours.add(OfficeHours(weekday=4, opens=time(10, 0), closes=time(15, 45)))
    office.save_revision().publish()

    text = pdf_text(download(client, page))

    assert "Friday 10am to 3.45pm" in text


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


def test_making_the_pdf_requests_nothing_from_another_host(client, booklet, other_host):
    page = booklet("nl")
    page.welcome += (
        f'<p><img src="{other_host}/tracker.png" alt=""></p>'
        f'<link rel="stylesheet" href="{other_host}/fonts.css">'
    )
    page.save_revision().publish()

    content = download(client, page)

    assert content.startswith(b"%PDF")
    assert CountingHandler.requests == []


def test_an_unknown_address_under_a_booklet_is_not_found(client, booklet):
    page = booklet("fr")

    assert client.get(page.url + "pdf/nope/").status_code == 404
    assert client.get(page.url + "epub/").status_code == 404
