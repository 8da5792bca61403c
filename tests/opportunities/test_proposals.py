"""Members post their own opportunities; moderators approve them in the pages' review queue, where
the same call posted twice (in two languages) is flagged; only then does it reach the board."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import TaskState

from opportunities.choices import OpportunityKind
from opportunities.models import OpportunityPage
from tests.directory.factories import member, trade
from tests.home.factories import build_site_tree
from tests.opportunities.factories import OpportunityBoardPageFactory, in_days
from tests.translations.factories import translate_into_all
from tests.workflows.factories import staff_user


@pytest.fixture
def board(db):
    tree = build_site_tree()
    boards = translate_into_all(
        OpportunityBoardPageFactory(parent=tree.home["fr"]),
        {"nl": {"Opportunités": "Kansen"}, "en": {"Opportunités": "Opportunities"}},
    )
    return {"boards": boards, "sound": trade("Ingénieur du son", nl="Geluidstechnicus")}


def posting(**changes):
    data = {
        "title": "Ingénieure du son pour un court métrage",
        "kind": OpportunityKind.COLLABORATION,
        "summary": "Je tourne un court métrage à Namur en mars et cherche qui prend le son.",
        "organisation": "Lina, réalisatrice",
        "closes_on": in_days(15).isoformat(),
        "call_language": "fr",
        "office": "",
        "apply_url": "",
        "contact_email": "lina@members.example",
    }
    data.update(changes)
    return data


def test_a_visitor_is_asked_to_sign_in_first(client, board):
    response = client.get("/fr/opportunities/propose/")

    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_a_posting_waits_for_a_moderator_then_reaches_the_board(
    client, board, django_capture_on_commit_callbacks
):
    moderator = staff_user("moderator")
    client.force_login(member(email="lina@members.example"))

    data = posting(skills=[board["sound"].pk], language_help_wanted="on")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/opportunities/propose/", data)

    opportunity = OpportunityPage.objects.get(title="Ingénieure du son pour un court métrage")
    assert response.status_code == 302
    assert response["Location"] == f"/fr/opportunities/proposals/{opportunity.pk}/"
    assert not opportunity.live
    assert opportunity.language_help_wanted
    assert opportunity.get_parent().pk == board["boards"]["fr"].pk
    assert opportunity.current_workflow_state is not None
    assert list(opportunity.skills.all()) == [board["sound"]]
    board_url = board["boards"]["fr"].url
    assert opportunity.title not in client.get(board_url).content.decode()

    client.force_login(moderator)
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(opportunity.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[opportunity.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {}).status_code in (200, 302)

    opportunity.refresh_from_db()
    assert opportunity.live
    assert opportunity.title in client.get(board_url).content.decode()


def test_the_same_call_posted_in_two_languages_is_flagged_for_the_moderator(client, board):
    client.force_login(member())
    client.post("/fr/opportunities/propose/", posting(apply_url="https://fonds.example/appel"))
    client.force_login(member())

    client.post(
        "/nl/opportunities/propose/",
        posting(
            title="Geluidstechnicus gezocht voor een kortfilm",
            summary="Ik draai in maart een kortfilm in Namen.",
            apply_url="https://fonds.example/appel",
        ),
    )

    french = OpportunityPage.objects.get(title="Ingénieure du son pour un court métrage")
    dutch = OpportunityPage.objects.get(title="Geluidstechnicus gezocht voor een kortfilm")
    assert dutch.possible_duplicate == french
    assert french.possible_duplicate is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"closes_on": in_days(-1).isoformat()}, "closes_on"),
        ({"closes_on": in_days(400).isoformat()}, "closes_on"),
        ({"closes_on": "31/02/2027"}, "closes_on"),
        ({"title": ""}, "title"),
        ({"kind": "concert"}, "kind"),
        ({"call_language": "de", "language_help_wanted": "on"}, "language_help_wanted"),
        ({"apply_url": "javascript:alert(1)"}, "apply_url"),
        ({"contact_email": "lina"}, "contact_email"),
    ],
)
def test_a_posting_with_a_mistake_says_where_and_stores_nothing(client, board, changes, field):
    client.force_login(member())

    response = client.post("/fr/opportunities/propose/", posting(**changes))

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(f"#id_{field}").find_parent(class_="form-field--error") is not None
    assert not OpportunityPage.objects.exists()


def test_a_posting_is_seen_by_its_author_only(client, board):
    client.force_login(member())
    client.post("/fr/opportunities/propose/", posting())
    opportunity = OpportunityPage.objects.get()

    client.force_login(member())

    assert client.get(f"/fr/opportunities/proposals/{opportunity.pk}/").status_code == 404


def test_a_member_posts_a_few_opportunities_a_day_at_most(client, board):
    client.force_login(member())
    for number in range(5):
        data = posting(title=f"Figurants pour un clip numéro {number}")
        assert client.post("/fr/opportunities/propose/", data).status_code == 302

    response = client.post("/fr/opportunities/propose/", posting())

    assert response.status_code == 429
    assert OpportunityPage.objects.count() == 5
