"""What a member meets in their first minutes, over the whole demo site in its three languages.

Each rule is checked over everything it covers (every FAQ answer, every booklet, every sitemap
address), so the module is marked `demo_site` (tests/conftest.py).
"""

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from guides.models import FAQQuestion, GuidePage
from offices.models import WelcomeBookletPage
from tests.pages import LANGUAGES, demo_page

pytestmark = pytest.mark.demo_site

NARROW_NBSP = "\u202f"


def html_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_faq_answer_leads_on_to_a_guide_or_to_whom_to_ask(client, language):
    faq = demo_page("faq", "faq", language)
    contact = demo_page("page", "contact", language)
    html = html_of(client, faq.url)

    questions = FAQQuestion.objects.filter(locale__language_code=language)
    articles = html.select("article.faq")
    assert len(articles) == questions.count() >= 15
    guides = {guide.url for guide in GuidePage.objects.live().filter(locale=faq.locale)}
    leading_to_guides = 0
    for article in articles:
        targets = [link["href"] for link in article.select(".faq__next .more-link")]
        assert targets, article.h3.get_text()
        assert set(targets) <= guides | {contact.url}
        leading_to_guides += bool(set(targets) & guides)
    # Most answers have a guide that explains more; the others point to whom to ask.
    assert leading_to_guides >= len(articles) - 3


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_contact_at_the_top_and_a_menu_disclosure(client, language):
    contact = demo_page("page", "contact", language)
    seen_types = set()
    for page in Page.objects.live().filter(locale__language_code=language, depth__gt=1):
        if page.specific_class in seen_types:
            continue
        seen_types.add(page.specific_class)
        header = html_of(client, page.url).select_one("header.site-header")
        # The contact link comes before the menu and the search in the reading order.
        assert header.select_one(".site-header__top .site-header__contact")["href"] == contact.url
        menu = header.select_one("details.main-nav")
        assert menu.select_one("summary").get_text(strip=True)
        assert len(menu.select("nav a")) >= 5
    assert len(seen_types) >= 10


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_smart_facile_offers_every_office_booklet_named_by_its_office(client, language):
    facile = demo_page("path", "facile", language)
    html = html_of(client, facile.url)

    booklets = WelcomeBookletPage.objects.live().filter(locale__language_code=language)
    links = html.select(".booklets .booklet-list__pdf")
    assert len(links) == booklets.count() >= 3
    for booklet, link in zip(booklets.order_by("path"), links, strict=True):
        office = booklet.get_parent()
        assert link["href"] == booklet.url + "pdf/"
        assert office.title in link.get_text()
        assert client.get(link["href"]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_booklets_have_their_own_title_and_suggestions_tell_them_apart(client, language):
    booklets = list(WelcomeBookletPage.objects.live().filter(locale__language_code=language))
    titles = {html_of(client, booklet.url).title.get_text() for booklet in booklets}
    headings = {html_of(client, booklet.url).h1.get_text(" ", strip=True) for booklet in booklets}
    assert len(titles) == len(headings) == len(booklets)

    with translation.override(language):
        url = reverse("search_suggest")
    shared_title = booklets[0].title
    suggestions = client.get(url, {"q": shared_title}).json()["suggestions"]
    booklet_suggestions = [
        item["title"] for item in suggestions if item["title"].startswith(shared_title)
    ]
    assert len(booklet_suggestions) >= 2
    assert len(set(booklet_suggestions)) == len(booklet_suggestions)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_and_the_sitemap_give_the_address_the_member_used(client, settings, language):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "portail.example.org"]
    host = {"HTTP_HOST": "portail.example.org"}
    booklet = WelcomeBookletPage.objects.live().filter(locale__language_code=language).first()

    online = html_of(client, booklet.url, **host).select(".booklet-online a")
    sitemap = client.get("/sitemap.xml", **host).content.decode()

    assert online
    assert {urlparse(link["href"]).netloc for link in online} == {"portail.example.org"}
    assert "localhost" not in sitemap
    assert "http://portail.example.org/" in sitemap


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_abbreviations_members_use_have_their_own_glossary_entry(client, language):
    glossary = demo_page("glossary", "glossary", language)
    html = html_of(client, glossary.url)

    entries = html.select(".glossary__entry--abbreviation")
    assert len(entries) >= 3
    anchors = {entry["id"] for entry in html.select(".glossary__entry")}
    for entry in entries:
        assert entry.select_one("a")["href"].lstrip("#") in anchors
    # A plural of a term is never shown as another name for it.
    for variants in html.select(".glossary__variants"):
        term = variants.find_parent(class_="glossary__entry").dfn.get_text()
        names = variants.get_text().split(":", 1)[1].split(",")
        assert all(name.strip().casefold() != term.casefold() + "s" for name in names)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_french_pages_space_their_punctuation_and_others_do_not(client, language):
    faq = demo_page("faq", "faq", language)
    text = html_of(client, faq.url).select_one("main").get_text()

    if language == "fr":
        assert text.count(NARROW_NBSP + "?") >= 10
        # No question mark, colon or guillemet starts a line after an ordinary space.
        assert not re.search(r"\w [?!;:»]", text)
        assert not re.search(r"« ", text)
    else:
        assert NARROW_NBSP not in text
