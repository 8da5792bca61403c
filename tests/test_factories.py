"""The factories build pages members can read in every language, without the demo site.

A guide under a path, an office with its booklet and a main menu are built in French and
translated into Dutch and English through wagtail-localize, then served by the real views.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from guides.models import GuidePage, Level
from navigation.models import SiteNavigation
from offices.models import OfficePage
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.offices.factories import (
    ContactPageFactory,
    OfficePageFactory,
    WelcomeBookletPageFactory,
)
from tests.translations.factories import translate
from tests.workflows.factories import staff_user
from workflows.roles import TRANSLATORS

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture
def guide(site_tree):
    path = PathPageFactory(parent=site_tree.home["fr"])
    guide = GuidePageFactory(
        parent=path,
        title="Facturer un client",
        steps=[step("Vérifiez votre contrat", "<p>Relisez le <b>montant</b> prévu.</p>")],
    )
    pages = {"fr": guide}
    for language in ["nl", "en"]:
        translate(path, language)
        pages[language] = translate(
            guide, language, strings={"Facturer un client": f"Invoicing ({language})"}
        )
    return pages


def test_the_demo_site_is_not_loaded(db):
    assert (
        not Page.objects.filter(depth__gt=1).exclude(content_type__app_label="wagtailcore").exists()
    )


def test_the_site_tree_has_a_home_page_per_language_as_translations(site_tree, client):
    assert site_tree.site.root_page.specific == site_tree.home["fr"]
    assert {language: home.locale.language_code for language, home in site_tree.home.items()} == {
        language: language for language in LANGUAGES
    }
    assert len({home.translation_key for home in site_tree.home.values()}) == 1
    assert (
        Translation.objects.filter(source__object_id=site_tree.home["fr"].translation_key).count()
        == 2
    )
    for home in site_tree.home.values():
        assert home.live
        response = client.get(home.url)
        assert response.status_code == 200
        assert response.context["page"] == home
    assert site_tree.home["nl"].title == "Startpagina"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_guide_is_served_in_its_language(guide, client, language):
    page = guide[language]
    response = client.get(page.url)

    assert response.status_code == 200
    assert response.context["page"] == page
    assert page.url.startswith(f"/{language}/")
    assert isinstance(page, GuidePage) and page.live and page.locale.language_code == language


def test_translate_uses_the_strings_given_and_marks_the_others(guide):
    dutch = guide["nl"]

    assert dutch.title == "Invoicing (nl)"
    assert dutch.summary == f"NL: {guide['fr'].summary}"
    assert dutch.steps[0].value["title"] == "NL: Vérifiez votre contrat"
    assert "NL: Relisez le <b>montant</b> prévu." in dutch.steps[0].value["body"].source
    assert dutch.slug == guide["fr"].slug


def test_translate_refuses_a_string_that_is_no_segment(site_tree):
    with pytest.raises(ValueError, match="Facture"):
        translate(site_tree.home["fr"], "nl", strings={"Facture": "Factuur"})


def test_a_second_translate_after_a_change_updates_the_translation(guide):
    guide["fr"].summary = "Un résumé revu."
    guide["fr"].save_revision().publish()

    dutch = translate(guide["fr"], "nl", strings={"Un résumé revu.": "Een herziene samenvatting."})

    assert dutch.pk == guide["nl"].pk
    assert dutch.summary == "Een herziene samenvatting."
    assert not dutch.has_unpublished_changes


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_office_and_its_booklet_are_served(site_tree, client, language):
    contact = ContactPageFactory(parent=site_tree.home["fr"])
    office = OfficePageFactory(parent=contact, title="Bureau de Liège")
    booklet = WelcomeBookletPageFactory(parent=office)
    pages = {"fr": (contact, office, booklet)}
    for other in ["nl", "en"]:
        pages[other] = tuple(translate(page, other) for page in (contact, office, booklet))

    for page in pages[language]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert response.context["page"] == page
    office_response = client.get(pages[language][1].url)
    assert office_response.context["booklet"] == pages[language][2]
    assert isinstance(pages[language][1], OfficePage)
    assert len(pages[language][1].hours.all()) == 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_menu_links_to_the_page_in_the_readers_language(guide, client, language):
    menu = SiteNavigationFactory(links=[menu_link(guide["fr"], "Facturer")])
    translate(menu, "nl", strings={"Facturer": "Factureren"})
    translate(menu, "en")
    label = {"fr": "Facturer", "nl": "Factureren", "en": "EN: Facturer"}[language]

    response = client.get(guide[language].url)

    assert SiteNavigation.objects.count() == 3
    assert f'href="{guide[language].url}"' in response.content.decode()
    assert label in response.content.decode()


def test_a_translator_gets_the_groups_of_their_languages(site_tree):
    translator = staff_user("translator", languages=["nl", "en"])
    moderator = staff_user("moderator")

    assert set(translator.groups.values_list("name", flat=True)) == {
        TRANSLATORS["nl"],
        TRANSLATORS["en"],
    }
    assert list(moderator.groups.all()) == [Group.objects.get(name="Moderators")]
    assert Locale.objects.count() == 3


def test_a_translator_edits_a_guide_of_their_language_in_the_admin(guide, client):
    client.force_login(staff_user("translator", languages=["nl"]))

    assert client.get(reverse("wagtailadmin_pages:edit", args=[guide["nl"].pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[guide["fr"].pk])).status_code != 200


@pytest.fixture(scope="module")
def shared_guide(shared_data):
    with shared_data():
        tree = build_site_tree()
        yield GuidePageFactory(parent=PathPageFactory(parent=tree.home["fr"]), title="Partagé")


@pytest.mark.parametrize("new_title", ["Renommé une fois", "Renommé deux fois"])
def test_a_guide_built_once_for_the_module_is_back_as_built_in_each_test(
    shared_guide, db, new_title
):
    guide = GuidePage.objects.get(pk=shared_guide.pk)
    assert guide.title == "Partagé"

    guide.title = new_title
    guide.save_revision().publish()

    assert GuidePage.objects.get(pk=shared_guide.pk).title == new_title


def test_translate_with_publish_false_leaves_a_draft(site_tree):
    path = PathPageFactory(parent=site_tree.home["fr"], level=Level.EXPERT)

    dutch = translate(path, "nl", publish=False)

    assert not dutch.live
    assert dutch.has_unpublished_changes


def test_the_footer_is_translated_with_its_link_labels(site_tree, client):
    contact = ContactPageFactory(parent=site_tree.home["fr"])
    translate(contact, "nl")
    footer = SiteFooterFactory(link_groups=[footer_group("Aide", [(contact, "Nous joindre")])])
    translate(footer, "nl", strings={"Aide": "Hulp", "Nous joindre": "Contact opnemen"})

    page = client.get(site_tree.home["nl"].url).content.decode()

    assert "Hulp" in page
    assert "Contact opnemen" in page
    assert f"NL: {footer.about}" in page
