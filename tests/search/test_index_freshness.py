"""Publishing, unpublishing, moving or deleting content updates the search at once."""

import pytest
from bs4 import BeautifulSoup

from glossary.models import GlossaryTerm
from tests.factories import GlossaryTermFactory, GuidePageFactory, step
from tests.pages import demo_page


def found(client, language, query):
    html = BeautifulSoup(client.get(f"/{language}/search/", {"q": query}).content, "html.parser")
    return [a["href"] for a in html.select(".search-result__title a")]


def publish_guide(language="en", path="basic", text="Borrowing the quokkaphone"):
    guide = GuidePageFactory(
        parent=demo_page("path", path, language),
        title=text,
        slug="quokkaphone",
        summary=text,
        steps=[step("Ask", f"<p>{text}</p>")],
    )
    guide.save_revision().publish()
    return guide


@pytest.mark.django_db
def test_a_published_page_is_found_and_an_unpublished_one_is_not(client):
    guide = publish_guide()
    assert guide.url in found(client, "en", "quokkaphone")

    guide.unpublish()

    assert found(client, "en", "quokkaphone") == []


@pytest.mark.django_db
def test_a_new_revision_is_searchable_by_its_new_words(client):
    guide = publish_guide()
    guide.summary = "Renting the marimbaphone instead"
    guide.save_revision().publish()

    assert guide.url in found(client, "en", "marimbaphone")


@pytest.mark.django_db
def test_a_moved_page_is_found_at_its_new_address(client):
    guide = publish_guide()
    guide.move(demo_page("path", "expert", "en"), pos="last-child")
    guide.refresh_from_db()

    assert found(client, "en", "quokkaphone") == [guide.url]
    assert "/smart-expert/" in guide.url


@pytest.mark.django_db
def test_a_deleted_page_leaves_the_results(client):
    guide = publish_guide(language="nl")
    assert found(client, "nl", "quokkaphone")

    guide.delete()

    assert found(client, "nl", "quokkaphone") == []


@pytest.mark.django_db
def test_glossary_terms_are_searchable_as_soon_as_saved_changed_or_deleted(client, locales):
    term = GlossaryTermFactory(locale=locales["fr"], term="Vibraslap", definition="Un instrument.")
    glossary_url = demo_page("glossary", "glossary", "fr").url
    assert f"{glossary_url}#{term.anchor}" in found(client, "fr", "vibraslap")

    term.variants = "guiro"
    term.save()
    assert f"{glossary_url}#{term.anchor}" in found(client, "fr", "guiro")

    GlossaryTerm.objects.filter(pk=term.pk).delete()
    assert found(client, "fr", "vibraslap") == []
