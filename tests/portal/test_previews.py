"""Pages that link to other pages render in the admin's preview panel, where the links come
from the editor's form: held in memory, not saved, so no database subquery can see them.

The module builds three French guides, one linking the other two as related guides, and a French
home page featuring two of them; all are translated into Dutch and English through
wagtail-localize, whose translations keep the links to the French guides.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from guides.models import GuideRelatedGuide
from home.models import HomePageFeaturedGuide
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import HOME_TEXT, build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="module")
def pages(shared_data):
    """{name: {language: page}} for the three guides and the home pages."""
    with shared_data():
        home = build_site_tree().home["fr"]
        path = PathPageFactory(parent=home)
        invoicing_help = GuidePageFactory(parent=path, title="Relancer un client qui ne paie pas")
        credit_note = GuidePageFactory(parent=path, title="Faire une note de crédit")
        invoicing = GuidePageFactory(
            parent=path,
            title="Facturer un client",
            related_guides=[
                GuideRelatedGuide(guide=invoicing_help),
                GuideRelatedGuide(guide=credit_note),
            ],
        )
        home.featured_guides = [
            HomePageFeaturedGuide(guide=invoicing),
            HomePageFeaturedGuide(guide=credit_note),
        ]
        home.save_revision().publish()
        built = {}
        for name, page in [
            ("path", path),
            ("invoicing help", invoicing_help),
            ("credit note", credit_note),
            ("invoicing", invoicing),
        ]:
            built[name] = {"fr": page, **{code: translate(page, code) for code in ["nl", "en"]}}
        # The home pages were translated before: bring them in step, as a sync does.
        built["home"] = {"fr": home}
        for code in ["nl", "en"]:
            strings = {HOME_TEXT["fr"][field]: HOME_TEXT[code][field] for field in HOME_TEXT["fr"]}
            built["home"][code] = translate(home, code, strings=strings)
        yield built


def fresh(page):
    """`page` as saved, unchanged by the tests before."""
    return Page.objects.get(pk=page.pk).specific


def context_of(page):
    return page.get_context(RequestFactory().get(page.url))


def as_in_the_editor(page, relation):
    """`page` with its `relation` links held in memory, as the page editor's form holds them."""
    setattr(page, relation, list(getattr(page, relation).all()))
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_preview_shows_the_related_guides_of_its_language(pages, language):
    guide = pages["invoicing"][language]
    saved = context_of(fresh(guide))["related_guides"]
    previewed = context_of(as_in_the_editor(fresh(guide), "related_guides"))["related_guides"]

    assert [page.url for page in saved] == [
        pages["invoicing help"][language].url,
        pages["credit note"][language].url,
    ]
    assert {page.url for page in previewed} == {page.url for page in saved}


@pytest.mark.django_db
def test_home_preview_shows_its_featured_guides_in_dutch(pages):
    home = as_in_the_editor(fresh(pages["home"]["nl"]), "featured_guides")
    # The Dutch home page links the French guides, as its translation keeps them.
    assert [link.guide_id for link in home.featured_guides.all()] == [
        pages["invoicing"]["fr"].pk,
        pages["credit note"]["fr"].pk,
    ]

    featured = context_of(home)["featured_guides"]

    assert featured
    assert all(page.url.startswith("/nl/") for page in featured)
    assert {page.url for page in featured} == {
        pages["invoicing"]["nl"].url,
        pages["credit note"]["nl"].url,
    }
