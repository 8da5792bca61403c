"""The level switch: guides lead to their simpler and more detailed counterparts in the other
paths, in the reader's language, saying which guide and which path each link leads to.

Built once for the module in French and translated into Dutch and English: the three paths and
two chains of guides on one subject each, from Smart Facile to Smart Expert, plus a guide with
no counterparts.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from guides.models import GuidePage, Level
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
# Each chain from the simplest guide to the most detailed one: (key, level, title).
CHAINS = [
    [
        ("first-contract", Level.FACILE, "Votre premier contrat"),
        ("invoicing-a-client", Level.BASIC, "Facturer un client"),
        ("copyright-agreements", Level.EXPERT, "Les conventions de droits d'auteur"),
    ],
    [
        ("getting-paid", Level.FACILE, "Être payé"),
        ("activity-budget", Level.BASIC, "Le budget de votre activité"),
        ("investments", Level.EXPERT, "Investir dans votre activité"),
    ],
]


@pytest.fixture(scope="module")
def guides(shared_data):
    """{key: {language: guide}}; the French guides name their counterparts."""
    with shared_data():
        home = build_site_tree().home
        paths = {level: PathPageFactory(parent=home["fr"], level=level) for level in Level}
        built = {
            key: {"fr": GuidePageFactory(parent=paths[level], title=title)}
            for chain in CHAINS
            for key, level, title in chain
        }
        built["insurance"] = {
            "fr": GuidePageFactory(parent=paths[Level.BASIC], title="Vos assurances")
        }
        for chain in CHAINS:
            for position, (key, _level, _title) in enumerate(chain):
                guide = built[key]["fr"]
                if position > 0:
                    guide.simpler_guide = built[chain[position - 1][0]]["fr"]
                if position + 1 < len(chain):
                    guide.detailed_guide = built[chain[position + 1][0]]["fr"]
                guide.save_revision().publish()
        for language in ["nl", "en"]:
            for path in paths.values():
                translate(path, language)
            for guide in built.values():
                guide[language] = translate(guide["fr"], language)
        yield built


def switch_links(client, guide):
    html = BeautifulSoup(client.get(guide.url).content, "html.parser")
    return {
        "simpler": [a["href"] for a in html.select(".level-switch__link--simpler")],
        "detailed": [a["href"] for a in html.select(".level-switch__link--detailed")],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_in_the_middle_leads_to_the_simpler_and_the_more_detailed_guide(
    client, guides, language
):
    links = switch_links(client, guides["invoicing-a-client"][language])

    assert links == {
        "simpler": [guides["first-contract"][language].url],
        "detailed": [guides["copyright-agreements"][language].url],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_simplest_guide_offers_only_more_detail(client, guides, language):
    links = switch_links(client, guides["getting-paid"][language])

    assert links == {
        "simpler": [],
        "detailed": [guides["activity-budget"][language].url],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_links_say_which_guide_and_which_path_they_lead_to(client, guides, language):
    guide = guides["activity-budget"][language]
    simpler = guides["getting-paid"][language]
    detailed = guides["investments"][language]
    html = BeautifulSoup(client.get(guide.url).content, "html.parser")

    wording = {
        "fr": (
            "Plus simplement, dans le parcours {path}\u202f:",
            "Plus en détail, dans le parcours {path}\u202f:",
        ),
        "nl": ("Eenvoudiger, in het traject {path}:", "Uitgebreider, in het traject {path}:"),
        "en": ("More simply, on the {path} path:", "In more detail, on the {path} path:"),
    }[language]
    simpler_link = html.select_one(".level-switch__link--simpler")
    detailed_link = html.select_one(".level-switch__link--detailed")
    simpler_path = simpler.get_parent().title
    detailed_path = detailed.get_parent().title
    assert simpler_link.get_text(" ", strip=True) == (
        wording[0].format(path=simpler_path) + " " + simpler.title
    )
    assert detailed_link.get_text(" ", strip=True) == (
        wording[1].format(path=detailed_path) + " " + detailed.title
    )


@pytest.mark.django_db
def test_a_counterpart_not_published_in_a_language_is_left_out(client, guides):
    GuidePage.objects.get(pk=guides["copyright-agreements"]["nl"].pk).unpublish()

    links = switch_links(client, guides["invoicing-a-client"]["nl"])

    assert links == {"simpler": [guides["first-contract"]["nl"].url], "detailed": []}


@pytest.mark.django_db
def test_a_guide_without_counterparts_shows_no_switch(client, guides):
    assert switch_links(client, guides["insurance"]["en"]) == {
        "simpler": [],
        "detailed": [],
    }


@pytest.mark.django_db
def test_a_guide_cannot_be_its_own_counterpart(guides):
    guide = GuidePage.objects.get(pk=guides["insurance"]["fr"].pk)
    guide.detailed_guide = guide

    with pytest.raises(ValidationError):
        guide.full_clean()
