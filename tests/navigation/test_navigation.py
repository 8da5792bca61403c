"""The main menu and the footer come from the editors' snippets, in the reader's language.

Each module run builds one site: the home page of each language with its sections (three paths,
a guide, the mission, the glossary, the FAQ, the news and the contact page), a French menu and
footer linking them, and their Dutch and English translations made through wagtail-localize.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from guides.models import Level
from navigation.models import SiteFooter, SiteNavigation
from portal import page_cache
from tests.glossary.factories import GlossaryPageFactory
from tests.guides.factories import FAQPageFactory, GuidePageFactory, PathPageFactory
from tests.home.factories import MissionPageFactory, build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.news.factories import NewsIndexPageFactory
from tests.offices.factories import ContactPageFactory
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
MENU = ["facile", "basic", "expert", "glossary", "faq", "news"]
MENU_LABELS = {
    "fr": ["Smart Facile", "Smart Basic", "Smart Expert", "Lexique", "Vos questions", "Actualités"],
    "nl": ["Smart Facile", "Smart Basic", "Smart Expert", "Woordenlijst", "Uw vragen", "Nieuws"],
    "en": ["Smart Facile", "Smart Basic", "Smart Expert", "Glossary", "Your questions", "News"],
}
FOOTER = ["mission", "glossary", "faq", "news", "contact"]
FOOTER_LABELS = {
    "fr": ["Notre mission", "Lexique", "Questions fréquentes", "Actualités", "Nous contacter"],
    "nl": ["Onze missie", "Woordenlijst", "Veelgestelde vragen", "Nieuws", "Contact opnemen"],
    "en": ["Our mission", "Glossary", "Frequently asked questions", "News", "Contact us"],
}
FOOTER_HEADINGS = {"fr": "Sur ce portail", "nl": "Op dit portaal", "en": "On this portal"}
FOOTER_ABOUT = {
    "fr": "Smart est une coopérative qui appartient à ses membres.",
    "nl": "Smart is een coöperatie die eigendom is van haar leden.",
    "en": "Smart is a cooperative owned by its members.",
}
FOOTER_HELP = {
    "fr": "Votre conseiller est votre premier contact.",
    "nl": "Uw adviseur is uw eerste aanspreekpunt.",
    "en": "Your adviser is your first contact.",
}


@pytest.fixture(scope="module")
def site(shared_data):
    """The sections of every language ({name: {language: page}}), the menus and the footers."""
    with shared_data():
        home = build_site_tree().home["fr"]
        french = {
            "facile": PathPageFactory(parent=home, level=Level.FACILE),
            "basic": PathPageFactory(parent=home, level=Level.BASIC),
            "expert": PathPageFactory(parent=home, level=Level.EXPERT),
            "mission": MissionPageFactory(parent=home),
            "glossary": GlossaryPageFactory(parent=home),
            "faq": FAQPageFactory(parent=home),
            "news": NewsIndexPageFactory(parent=home),
            "contact": ContactPageFactory(parent=home),
        }
        french["guide"] = GuidePageFactory(parent=french["basic"], title="Déclarer vos frais")
        pages = {name: {"fr": page} for name, page in french.items()}
        for name, page in french.items():
            for language in ["nl", "en"]:
                pages[name][language] = translate(page, language)

        menu = SiteNavigationFactory(
            contact_page=french["contact"],
            links=[
                menu_link(french[name], label)
                for name, label in zip(MENU, MENU_LABELS["fr"], strict=True)
            ],
        )
        footer = SiteFooterFactory(
            about=FOOTER_ABOUT["fr"],
            help_note=FOOTER_HELP["fr"],
            link_groups=[
                footer_group(
                    FOOTER_HEADINGS["fr"],
                    [
                        (french[name], label)
                        for name, label in zip(FOOTER, FOOTER_LABELS["fr"], strict=True)
                    ],
                )
            ],
        )
        for language in ["nl", "en"]:
            translate(
                menu,
                language,
                strings=dict(zip(MENU_LABELS["fr"], MENU_LABELS[language], strict=True)),
            )
            translate(
                footer,
                language,
                strings={
                    **dict(zip(FOOTER_LABELS["fr"], FOOTER_LABELS[language], strict=True)),
                    FOOTER_HEADINGS["fr"]: FOOTER_HEADINGS[language],
                    FOOTER_ABOUT["fr"]: FOOTER_ABOUT[language],
                    FOOTER_HELP["fr"]: FOOTER_HELP[language],
                },
            )
        yield pages


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
    """The links editors put in the menu: not the member directory and sign-in that close it."""
    nav = html.select_one(".main-nav nav")
    links = nav.select("li:not(.main-nav__fixed):not(.main-nav__account) > a")
    return [(link.get_text(), link["href"]) for link in links]


def footer_links(html, heading):
    nav = html.find("footer").find("nav", attrs={"aria-label": heading})
    return [(link.get_text(), link["href"]) for link in nav.find_all("a")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_shows_the_menu_of_the_readers_language(client, site, language):
    html = page_html(client, site["guide"][language].url)

    urls = [site[name][language].url for name in MENU]
    assert menu_links(html) == list(zip(MENU_LABELS[language], urls, strict=True))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_ends_with_the_member_directory_in_the_readers_language(client, site, language):
    html = page_html(client, site["guide"][language].url)
    fixed = html.select(".main-nav nav li.main-nav__fixed > a")
    assert [link["href"] for link in fixed] == [f"/{language}/members/"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_links_mission_glossary_questions_and_news_in_the_readers_language(
    client, site, language
):
    html = page_html(client, build_site_tree().home[language].url)
    footer = SiteFooter.objects.get(locale__language_code=language)

    links = footer_links(html, FOOTER_HEADINGS[language])
    linked = ["mission", "glossary", "faq", "news"]
    assert links[:4] == list(
        zip(
            FOOTER_LABELS[language][:4],
            [site[name][language].url for name in linked],
            strict=True,
        )
    )
    assert footer.about == FOOTER_ABOUT[language]
    assert footer.about in html.find("footer").get_text()
    assert footer.help_note in html.find("footer").get_text()


@pytest.mark.django_db
def test_translated_menus_are_wagtail_localize_translations_of_the_french_one(site, locales):
    french = SiteNavigation.objects.get(locale=locales["fr"])

    for language in ["nl", "en"]:
        translated = french.get_translation(locales[language])
        # The translator left the French pages chosen: the header shows the reader's own.
        assert [block.value["page"].pk for block in translated.links] == [
            block.value["page"].pk for block in french.links
        ]
        assert [block.value["label"] for block in translated.links] == MENU_LABELS[language]


@pytest.mark.django_db
def test_the_current_section_is_marked_in_the_menu(client, site):
    guide = site["guide"]["nl"]
    path = guide.get_ancestors().get(depth=3).specific
    assert path == site["basic"]["nl"]
    html = page_html(client, guide.url)

    marked = html.select_one(".main-nav nav").find_all("a", attrs={"aria-current": True})
    assert [(link["href"], link["aria-current"]) for link in marked] == [(path.url, "true")]
    on_path = page_html(client, path.url).select_one(".main-nav nav")
    assert on_path.find("a", attrs={"aria-current": "page"})["href"] == path.url


@pytest.mark.django_db
def test_a_link_to_a_page_not_translated_yet_is_left_out_of_that_language(client, site):
    Page.objects.get(pk=site["faq"]["en"].pk).unpublish()

    english = menu_links(page_html(client, "/en/"))
    dutch = menu_links(page_html(client, "/nl/"))

    assert "Your questions" not in [label for label, _url in english]
    assert "Uw vragen" in [label for label, _url in dutch]


@pytest.mark.django_db
def test_without_a_menu_and_footer_for_a_language_its_pages_list_the_sections_as_before(
    client, site
):
    SiteNavigation.objects.filter(locale__language_code="en").delete()
    SiteFooter.objects.filter(locale__language_code="en").delete()
    page_cache.next_generation()

    html = page_html(client, "/en/")

    home = build_site_tree().home["en"]
    sections = [(page.title, page.url) for page in home.get_children().live().in_menu()]
    assert sections
    assert menu_links(html) == sections
    assert footer_links(html, "Footer") == sections
    # The other languages keep their own menus.
    assert menu_links(page_html(client, "/nl/"))[3][0] == "Woordenlijst"


@pytest.mark.django_db
def test_an_editor_changes_the_menu_in_the_admin_and_the_header_follows(admin_client, site):
    menu = SiteNavigation.objects.get(locale__language_code="fr")
    mission = site["mission"]["fr"]
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

    # Typeset as French is: a narrow no-break space before the question mark.
    assert menu_links(page_html(admin_client, "/fr/")) == [("Qui sommes-nous\u202f?", mission.url)]


@pytest.mark.django_db
def test_a_link_without_a_label_is_refused_with_a_message(admin_client, site):
    menu = SiteNavigation.objects.get(locale__language_code="fr")
    url = reverse("wagtailsnippets_navigation_sitenavigation:edit", args=[menu.pk])
    mission = site["mission"]["fr"]

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
def test_the_menu_and_footer_are_read_once_per_language_until_something_changes(
    client, site, language
):
    url = site["guide"][language].url
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
def test_the_footer_links_the_contact_page_in_the_readers_language(client, site, language):
    html = page_html(client, site["mission"][language].url)

    links = footer_links(html, FOOTER_HEADINGS[language])

    assert links[-1] == (FOOTER_LABELS[language][-1], site["contact"][language].url)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_links_the_contact_page_of_the_readers_language_first(client, site, language):
    html = page_html(client, site["guide"][language].url)

    header = html.find("header")
    contact = header.select_one(".site-header__contact")
    assert contact["href"] == site["contact"][language].url
    # Before the menu and the search, right after the brand: found at once on a phone.
    links = header.find_all("a")
    assert links.index(contact) == 1
    on_contact = page_html(client, site["contact"][language].url).find("header")
    assert on_contact.select_one(".site-header__contact")["aria-current"] == "page"


@pytest.mark.django_db
def test_the_menu_is_a_disclosure_that_needs_no_script(client, site):
    html = page_html(client, site["guide"]["nl"].url)

    menu = html.select_one("details.main-nav")
    assert menu.summary.get_text(strip=True) == "Menu"
    assert menu.select_one("nav")["aria-label"]
    # The editors' links, then the member directory and, for phones, signing in.
    assert len(menu.select("nav a")) == len(MENU) + 2
