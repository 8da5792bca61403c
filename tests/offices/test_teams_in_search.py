"""A member finds the contact page and the offices by the teams they show: a team's name or what
it handles, in every language; and the search follows editors' changes to a team at once.

Uses the contact tree of `tests/offices/contact_tree.py`, translated through wagtail-localize.
"""

import pytest

from offices.models import Service
from tests.offices.contact_tree import LANGUAGES, SERVICES
from tests.search.search_page import result_links
from tests.search.search_page import search_page as search


def service_in(language, key):
    return Service.objects.get(name=SERVICES[key][language][0], locale__language_code=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_teams_name_finds_the_contact_page_and_the_offices_that_handle_it(client, page, language):
    links = result_links(search(client, language, SERVICES["billing"][language][0]))

    assert page(language).url in links
    assert {page(language, "brussels").url, page(language, "antwerp").url} <= set(links)
    assert page(language, "liege").url not in links


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "rappels clients"), ("nl", "herinneringen klanten"), ("en", "reminders clients")],
)
def test_what_a_team_handles_finds_the_contact_page(client, page, language, words):
    assert page(language).url in result_links(search(client, language, words))[:3]


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "séance"), ("nl", "onthaalsessie"), ("en", "session")],
)
def test_how_to_reach_a_team_finds_the_contact_page_not_the_offices(client, page, language, words):
    # The contact page says how best to reach each team; an office page only names its teams.
    links = result_links(search(client, language, words))

    assert page(language).url in links
    assert page(language, "brussels").url not in links


def test_a_team_edited_is_searched_as_it_now_reads(client, page):
    billing = service_in("nl", "billing")
    billing.handles = "Uw facturen en de aanmaningen aan klanten die laat betalen."
    billing.save()

    links = result_links(search(client, "nl", "aanmaningen"))

    assert page("nl").url in links
    assert page("nl", "antwerp").url in links
    assert page("fr").url not in links


def test_a_team_deleted_no_longer_finds_the_pages(client, page):
    service_in("en", "cooperative-life").delete()

    links = result_links(search(client, "en", "Cooperative life"))

    assert page("en").url not in links
    assert page("en", "liege").url not in links
    # Its French original is still there, and still found.
    assert page("fr").url in result_links(search(client, "fr", "Vie coopérative"))
