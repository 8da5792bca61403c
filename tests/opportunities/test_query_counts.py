"""The board's pages cost a fixed, small number of queries (10 at most), however many calls it
holds: counted with twelve opportunities, then with twice as many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opportunities.choices import CallLanguage, OpportunityKind
from tests.directory.factories import listed_profile, member, trade
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.opportunities.factories import (
    OpportunityBoardPageFactory,
    OpportunityPageFactory,
    in_days,
)

MOST_QUERIES = 10
KINDS = list(OpportunityKind)


def add_opportunities(board, office, skill, count, offset=0):
    for number in range(count):
        opportunity = OpportunityPageFactory(
            parent=board,
            title=f"Appel {offset + number}",
            kind=KINDS[number % len(KINDS)],
            office=office if number % 2 else None,
            closes_on=in_days(2 + number),
            call_language=CallLanguage.DUTCH if number % 3 == 0 else CallLanguage.FRENCH,
            language_help_wanted=number % 3 == 0,
        )
        opportunity.skills = [skill]
        opportunity.save_revision().publish()
        listed_profile(member(), can_help_with="nl", visibility="public")


@pytest.fixture
def board(db):
    tree = build_site_tree()
    office = OfficePageFactory(
        parent=ContactPageFactory(parent=tree.home["fr"]), title="Smart Gand", slug="gand"
    )
    skill = trade("Ingénieur du son")
    board = OpportunityBoardPageFactory(parent=tree.home["fr"])
    add_opportunities(board, office, skill, 12)
    first = board.get_children().first().specific
    return {"board": board, "office": office, "skill": skill, "call": first}


def queries(client, url):
    # A first request fills what every page keeps per process (site, menus, locales).
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "address",
    [
        lambda world: world["board"].url,
        lambda world: world["board"].url + f"?kind=job&skill={world['skill'].pk}&language=fr",
        lambda world: world["board"].url + "closing-dates/",
        lambda world: world["call"].url,
    ],
)
def test_board_pages_cost_the_same_few_queries_whatever_they_hold(client, board, address, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = address(board)
    before = queries(client, url)

    add_opportunities(board["board"], board["office"], board["skill"], 12, offset=12)

    assert before <= MOST_QUERIES
    assert queries(client, url) == before
