"""Language switcher, hreflang alternates and the redirect from '/'.

The module builds a path and a guide in French under the site's home pages and translates both
into Dutch and English through wagtail-localize.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="module")
def pages(shared_data):
    """The path and its guide in each language: `pages["guide"]["nl"]`."""
    with shared_data():
        path = PathPageFactory(parent=build_site_tree().home["fr"])
        guide = GuidePageFactory(parent=path, title="Vos droits d'auteur")
        yield {
            "path": {"fr": path, **{code: translate(path, code) for code in ["nl", "en"]}},
            "guide": {"fr": guide, **{code: translate(guide, code) for code in ["nl", "en"]}},
        }


def switcher_links(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    switcher = html.find("nav", class_="language-switcher")
    links = {link["hreflang"]: link for link in switcher.find_all("a")}
    current = switcher.find(attrs={"aria-current": "true"})
    return html, links, current


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_leads_to_the_same_guide_in_each_other_language(client, pages, language):
    guide = pages["guide"][language]
    _html, links, current = switcher_links(client, guide.url)

    assert current["lang"] == language
    for other in set(LANGUAGES) - {language}:
        assert links[other]["href"] == pages["guide"][other].url
        assert links[other]["lang"] == other


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_is_announced_with_hreflang(client, pages, language):
    path = pages["path"][language]
    html = BeautifulSoup(client.get(path.url).content, "html.parser")

    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    # Each language's version, and "/" for a visitor who hasn't chosen (it goes by the browser).
    assert alternates == {
        **{code: f"http://testserver{pages['path'][code].url}" for code in LANGUAGES},
        "x-default": "http://testserver/",
    }


@pytest.mark.django_db
def test_untranslated_page_says_so_and_leads_to_that_languages_home(client, pages):
    guide = GuidePageFactory(parent=pages["path"]["fr"], title="Nouveau guide")

    html, links, _current = switcher_links(client, guide.url)

    for language in ["nl", "en"]:
        with translation.override(language):
            note = translation.gettext("Not translated yet: go to the home page")
        assert links[language]["href"] == f"/{language}/"
        assert note in links[language].get_text()
    assert "niet" in links["nl"].get_text()
    hreflangs = [link["hreflang"] for link in html.find_all("link", rel="alternate")]
    assert hreflangs == ["fr", "x-default"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nl-BE,nl;q=0.9,fr;q=0.8", "/nl/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-BE", "/fr/"),
        ("de-DE,de;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_to_the_browsers_language_or_french(
    client, site_tree, accept_language, expected
):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200
