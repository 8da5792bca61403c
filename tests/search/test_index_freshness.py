"""Publishing, unpublishing, moving or deleting content updates the search at once.

Each test publishes a guide under one of the paths, or a glossary term, of the tree built once
for the module: the three paths and the glossary in French, Dutch and English.
"""

import pytest
from bs4 import BeautifulSoup

from glossary.models import GlossaryTerm
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, step
from tests.home.factories import build_site_tree
from tests.search.factories import in_every_language, paths_in_every_language


@pytest.fixture(scope="module")
def tree(shared_data):
    with shared_data():
        site_tree = build_site_tree()
        yield {
            "paths": paths_in_every_language(site_tree.home),
            "glossary": in_every_language(GlossaryPageFactory(parent=site_tree.home["fr"])),
        }


def found(client, language, query):
    html = BeautifulSoup(client.get(f"/{language}/search/", {"q": query}).content, "html.parser")
    return [a["href"] for a in html.select(".search-result__title a")]


def publish_guide(tree, language="en", level="basic", text="Borrowing the quokkaphone"):
    """A guide under the `level` path of `language`, published through a revision."""
    return GuidePageFactory(
        parent=tree["paths"][level][language],
        title=text,
        slug="quokkaphone",
        summary=text,
        steps=[step("Ask", f"<p>{text}</p>")],
    )


@pytest.mark.django_db
def test_a_published_page_is_found_and_an_unpublished_one_is_not(client, tree):
    guide = publish_guide(tree)
    assert guide.url in found(client, "en", "quokkaphone")

    guide.unpublish()

    assert found(client, "en", "quokkaphone") == []


@pytest.mark.django_db
def test_a_new_revision_is_searchable_by_its_new_words(client, tree):
    guide = publish_guide(tree)
    guide.summary = "Renting the marimbaphone instead"
    guide.save_revision().publish()

    assert guide.url in found(client, "en", "marimbaphone")


@pytest.mark.django_db
def test_a_moved_page_is_found_at_its_new_address(client, tree):
    guide = publish_guide(tree)
    guide.move(tree["paths"]["expert"]["en"], pos="last-child")
    guide.refresh_from_db()

    assert found(client, "en", "quokkaphone") == [guide.url]
    assert "/smart-expert/" in guide.url


@pytest.mark.django_db
def test_a_deleted_page_leaves_the_results(client, tree):
    guide = publish_guide(tree, language="nl")
    assert found(client, "nl", "quokkaphone")

    guide.delete()

    assert found(client, "nl", "quokkaphone") == []


@pytest.mark.django_db
def test_glossary_terms_are_searchable_as_soon_as_saved_changed_or_deleted(client, tree, locales):
    term = GlossaryTermFactory(locale=locales["fr"], term="Vibraslap", definition="Un instrument.")
    glossary_url = tree["glossary"]["fr"].url
    assert f"{glossary_url}#{term.anchor}" in found(client, "fr", "vibraslap")

    term.variants = "guiro"
    term.save()
    assert f"{glossary_url}#{term.anchor}" in found(client, "fr", "guiro")

    GlossaryTerm.objects.filter(pk=term.pk).delete()
    assert found(client, "fr", "vibraslap") == []
