"""'Explain it more simply' and 'Tell me more': guides lead to their counterparts in the other
paths, in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from tests.pages import LANGUAGES, demo_page


def switch_links(client, guide):
    html = BeautifulSoup(client.get(guide.url).content, "html.parser")
    return {
        "simpler": [a["href"] for a in html.select(".level-switch__link--simpler")],
        "detailed": [a["href"] for a in html.select(".level-switch__link--detailed")],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_in_the_middle_leads_to_the_simpler_and_the_more_detailed_guide(client, language):
    links = switch_links(client, demo_page("guide", "invoicing-a-client", language))

    assert links == {
        "simpler": [demo_page("guide", "first-contract", language).url],
        "detailed": [demo_page("guide", "copyright-agreements", language).url],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_simplest_guide_offers_only_more_detail(client, language):
    links = switch_links(client, demo_page("guide", "getting-paid", language))

    assert links == {
        "simpler": [],
        "detailed": [demo_page("guide", "activity-budget", language).url],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_links_are_worded_in_the_reader_language(client, language):
    guide = demo_page("guide", "activity-budget", language)
    html = BeautifulSoup(client.get(guide.url).content, "html.parser")

    wording = {
        "fr": ("Expliquez-le plus simplement", "Dites-m'en plus"),
        "nl": ("Leg het eenvoudiger uit", "Vertel me meer"),
        "en": ("Explain it more simply", "Tell me more"),
    }[language]
    assert html.select_one(".level-switch__link--simpler").get_text() == wording[0]
    assert html.select_one(".level-switch__link--detailed").get_text() == wording[1]


@pytest.mark.django_db
def test_a_counterpart_not_published_in_a_language_is_left_out(client):
    demo_page("guide", "copyright-agreements", "nl").unpublish()

    links = switch_links(client, demo_page("guide", "invoicing-a-client", "nl"))

    assert links == {"simpler": [demo_page("guide", "first-contract", "nl").url], "detailed": []}


@pytest.mark.django_db
def test_a_guide_without_counterparts_shows_no_switch(client):
    assert switch_links(client, demo_page("guide", "insurance", "en")) == {
        "simpler": [],
        "detailed": [],
    }


@pytest.mark.django_db
def test_a_guide_cannot_be_its_own_counterpart():
    guide = demo_page("guide", "insurance", "fr")
    guide.detailed_guide = guide

    with pytest.raises(ValidationError):
        guide.full_clean()
