"""The demo loader builds a complete three-language site, and a second run changes nothing.

These are the loader's own tests: the module is marked `demo_site`, so the demo site is loaded
once for it (tests/conftest.py).
"""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from glossary.models import GlossaryTerm
from guides.models import GuideFAQQuestion, GuidePage, GuideRelatedGuide, Level, PathPage
from home.models import HomePageFeaturedGuide
from news.models import NewsPage
from offices.models import OfficeService
from tests.pages import LANGUAGES, demo_page
from translations.status import State, translation_overview

pytestmark = pytest.mark.demo_site


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "slug", "live", "path")),
        "revisions": Revision.objects.count(),
        "terms": sorted(GlossaryTerm.objects.values_list("pk", "term", "definition")),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
    }


@pytest.mark.django_db
def test_a_second_run_duplicates_and_changes_nothing():
    before = snapshot()

    call_command("load_demo", stdout=io.StringIO())

    assert snapshot() == before


@pytest.mark.django_db
def test_an_edit_made_by_staff_survives_a_new_run():
    guide = demo_page("guide", "insurance", "fr")
    guide.title = "Vos assurances, expliquées"
    guide.save_revision().publish()

    call_command("load_demo", stdout=io.StringIO())

    guide.refresh_from_db()
    assert guide.title == "Vos assurances, expliquées"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_whole_site(language):
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    assert {
        level: PathPage.objects.filter(locale__language_code=language, level=level).count()
        for level in Level.values
    } == {"facile": 1, "basic": 1, "expert": 1}
    for path in PathPage.objects.filter(locale__language_code=language):
        assert GuidePage.objects.live().descendant_of(path).count() >= 4
    assert GlossaryTerm.objects.filter(locale__language_code=language).count() >= 25
    assert NewsPage.objects.live().filter(locale__language_code=language).count() >= 6
    assert (
        pages.count() == Page.objects.live().filter(locale__language_code="fr", depth__gt=1).count()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_and_english_pages_are_wagtail_localize_translations(language):
    guide = demo_page("guide", "hiring", language)
    source = demo_page("guide", "hiring", "fr")

    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=guide.locale
    )
    assert translation.get_target_instance().pk == guide.pk
    assert translation.get_progress() == (
        translation.source.stringsegment_set.count(),
        translation.source.stringsegment_set.count(),
    )
    assert guide.title != source.title
    assert guide.slug != source.slug


def test_every_link_the_loader_makes_between_pages_is_numbered_in_its_text_order():
    # Unnumbered, their order on the page would be whatever the database returns.
    for model in (GuideRelatedGuide, GuideFAQQuestion, HomePageFeaturedGuide, OfficeService):
        assert not model.objects.filter(sort_order__isnull=True).exists(), model.__name__
    guide = demo_page("guide", "expense-claims")
    # Its text lists the activity budget, then invoicing a client.
    assert [link.guide.translation_key for link in guide.related_guides.all()] == [
        demo_page("guide", "activity-budget").translation_key,
        demo_page("guide", "invoicing-a-client").translation_key,
    ]


def test_the_demo_site_is_up_to_date_in_dutch_and_english_with_no_orphans():
    overview = translation_overview()
    assert {row.language for row in overview.statuses} == {"nl", "en"}
    assert {row.state for row in overview.statuses} == {State.UP_TO_DATE}
    assert overview.orphans == []
