"""The main menu and the footer come from the editors' snippets, in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.loader import demo_key
from navigation.models import SiteFooter, SiteNavigation
from portal import page_cache
from tests.pages import LANGUAGES, demo_page

MENU_LABELS = {
    "fr": ["Smart Facile", "Smart Basic", "Smart Expert", "Lexique", "Vos questions", "Actualités"],
    "nl": ["Smart Facile", "Smart Basic", "Smart Expert", "Woordenlijst", "Uw vragen", "Nieuws"],
    "en": ["Smart Facile", "Smart Basic", "Smart Expert", "Glossary", "Your questions", "News"],
}
FOOTER_LABELS = {
    "fr": ["Notre mission", "Lexique", "Questions fréquentes", "Actualités"],
    "nl": ["Onze missie", "Woordenlijst", "Veelgestelde vragen", "Nieuws"],
    "en": ["Our mission", "Glossary", "Frequently asked questions", "News"],
}
CONTACT_LABELS = {"fr": "Nous contacter", "nl": "Contact opnemen", "en": "Contact us"}
FOOTER_HEADINGS = {"fr": "Sur ce portail", "nl": "Op dit portaal", "en": "On this portal"}


@pytest.fixture(autouse=True)
def fresh_chrome():
    """Menus built by other tests showed content since rolled back, and so would these."""
    page_cache.next_generation()
    yield
    page_cache.next_generation()


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_links(html):
    nav = html.find("nav", class_="main-nav")
    return [(link.get_text(), link["href"]) for link in nav.find_all("a")]


def footer_links(html, heading):
    nav = html.find("footer").find("nav", attrs={"aria-label": heading})
    return [(link.get_text(), link["href"]) for link in nav.find_all("a")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_shows_the_menu_of_the_readers_language(client, language):
    html = page_html(client, demo_page("guide", "expense-claims", language).url)

    pages = [
        demo_page("path", "facile", language),
        demo_page("path", "basic", language),
        demo_page("path", "expert", language),
        demo_page("glossary", "glossary", language),
        demo_page("faq", "faq", language),
        demo_page("news-index", "news", language),
    ]
    assert menu_links(html) == list(zip(MENU_LABELS[language], [p.url for p in pages], strict=True))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_links_mission_glossary_questions_and_news_in_the_readers_language(
    client, language
):
    html = page_html(client, demo_page("page", "home", language).url)
    footer = SiteFooter.objects.get(locale__language_code=language)

    links = footer_links(html, FOOTER_HEADINGS[language])
    linked = [
        ("mission", "mission"),
        ("glossary", "glossary"),
        ("faq", "faq"),
        ("news-index", "news"),
    ]
    assert links[:4] == list(
        zip(
            FOOTER_LABELS[language],
            [demo_page(kind, key, language).url for kind, key in linked],
            strict=True,
        )
    )
    assert footer.about in html.find("footer").get_text()
    assert footer.help_note in html.find("footer").get_text()


@pytest.mark.django_db
def test_translated_menus_are_wagtail_localize_translations_of_the_french_one(locales):
    french = SiteNavigation.objects.get(
        translation_key=demo_key("navigation", "menu"), locale=locales["fr"]
    )

    for language in ["nl", "en"]:
        translated = french.get_translation(locales[language])
        # The translator left the French pages chosen: the header shows the reader's own.
        assert [block.value["page"].pk for block in translated.links] == [
            block.value["page"].pk for block in french.links
        ]
        assert [block.value["label"] for block in translated.links] == MENU_LABELS[language]


@pytest.mark.django_db
def test_the_current_section_is_marked_in_the_menu(client):
    guide = demo_page("guide", "expense-claims", "nl")
    path = guide.get_ancestors().get(depth=3).specific
    html = page_html(client, guide.url)

    marked = html.find("nav", class_="main-nav").find_all("a", attrs={"aria-current": True})
    assert [(link["href"], link["aria-current"]) for link in marked] == [(path.url, "true")]
    on_path = page_html(client, path.url).find("nav", class_="main-nav")
    assert on_path.find("a", attrs={"aria-current": "page"})["href"] == path.url


@pytest.mark.django_db
def test_a_link_to_a_page_not_translated_yet_is_left_out_of_that_language(client):
    demo_page("faq", "faq", "en").unpublish()

    english = menu_links(page_html(client, "/en/"))
    dutch = menu_links(page_html(client, "/nl/"))

    assert "Your questions" not in [label for label, _url in english]
    assert "Uw vragen" in [label for label, _url in dutch]


@pytest.mark.django_db
def test_without_a_menu_and_footer_for_a_language_its_pages_list_the_sections_as_before(client):
    SiteNavigation.objects.filter(locale__language_code="en").delete()
    SiteFooter.objects.filter(locale__language_code="en").delete()
    page_cache.next_generation()

    html = page_html(client, "/en/")

    home = demo_page("page", "home", "en")
    sections = [(page.title, page.url) for page in home.get_children().live().in_menu()]
    assert menu_links(html) == sections
    assert footer_links(html, "Footer") == sections
    # The other languages keep their own menus.
    assert menu_links(page_html(client, "/nl/"))[3][0] == "Woordenlijst"


@pytest.mark.django_db
def test_an_editor_changes_the_menu_in_the_admin_and_the_header_follows(admin_client):
    menu = SiteNavigation.objects.get(locale__language_code="fr")
    mission = demo_page("mission", "mission", "fr")
    url = reverse("wagtailsnippets_navigation_sitenavigation:edit", args=[menu.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(
        url,
        nested_form_data(
            {"links": streamfield([("link", {"page": mission.pk, "label": "Qui sommes-nous ?"})])}
        ),
    )
    assert response.status_code == 302
    page_cache.next_generation()

    assert menu_links(page_html(admin_client, "/fr/")) == [("Qui sommes-nous ?", mission.url)]


@pytest.mark.django_db
def test_a_link_without_a_label_is_refused_with_a_message(admin_client):
    menu = SiteNavigation.objects.get(locale__language_code="fr")
    url = reverse("wagtailsnippets_navigation_sitenavigation:edit", args=[menu.pk])
    mission = demo_page("mission", "mission", "fr")

    response = admin_client.post(
        url, nested_form_data({"links": streamfield([("link", {"page": mission.pk, "label": ""})])})
    )

    assert response.status_code == 200
    # Wagtail's block errors, in the editor's language (French by default).
    assert "Champ requis." in response.content.decode()
    menu.refresh_from_db()
    assert [block.value["label"] for block in menu.links] == MENU_LABELS["fr"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_and_footer_are_read_once_per_language_until_something_changes(client, language):
    url = demo_page("guide", "expense-claims", language).url
    tables = ("portal_sitenavigation", "portal_sitefooter")

    def navigation_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return [q["sql"] for q in queries if any(table in q["sql"] for table in tables)]

    assert len(navigation_queries()) == 2
    assert navigation_queries() == []
    page_cache.next_generation()
    assert len(navigation_queries()) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_links_the_contact_page_in_the_readers_language(client, language):
    html = page_html(client, demo_page("mission", "mission", language).url)

    links = footer_links(html, FOOTER_HEADINGS[language])

    assert links[-1] == (CONTACT_LABELS[language], demo_page("page", "contact", language).url)
