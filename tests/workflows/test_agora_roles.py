"""The roles of docs/roles.md on Smart Agora's pages: events and opportunities follow the same
matrix as every page. A translator edits (never publishes) the event and the opportunity of their
own language only; Communication and Moderators edit and publish them in every language. Checked
through the admin's own views, looking at what happened, not at `has_perm`."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.events.factories import AgendaPageFactory, EventPageFactory
from tests.home.factories import build_site_tree
from tests.opportunities.factories import OpportunityBoardPageFactory, OpportunityPageFactory
from tests.translations.factories import translate
from tests.workflows.factories import staff_user_in
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "nl", "en"]
ROLES = [COMMUNICATION, MODERATORS, *TRANSLATORS.values()]
LANGUAGE_OF = {name: language for language, name in TRANSLATORS.items()}
PAGES = ["event", "opportunity"]


def allowed(role, action, language):
    """The rows "Edit" and "Publish" of the matrix in docs/roles.md."""
    if role in (COMMUNICATION, MODERATORS):
        return True
    return action == "edit" and LANGUAGE_OF[role] == language


@pytest.fixture(scope="module")
def agora(shared_data):
    """An event and an opportunity in every language: `agora["nl"]["event"]`."""
    with shared_data():
        tree = build_site_tree()
        agenda = AgendaPageFactory(parent=tree.home["fr"])
        board = OpportunityBoardPageFactory(parent=tree.home["fr"])
        french = {
            "agenda": agenda,
            "event": EventPageFactory(parent=agenda, title="Atelier devis"),
            "board": board,
            "opportunity": OpportunityPageFactory(parent=board, title="Bourse de résidence"),
        }
        agora = {"fr": french}
        for language in ["nl", "en"]:
            agora[language] = {
                name: translate(french[name], language)
                for name in ["agenda", "event", "board", "opportunity"]
            }
        yield agora


def member_of(role):
    return staff_user_in(role, username=f"{role.lower().replace(' ', '-')}-agora")


def opens_in_the_editor(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def publishes_a_draft(client, page):
    page = Page.objects.get(pk=page.pk).specific
    page.title = f"{page.title} (draft)"
    page.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    page.refresh_from_db()
    return not page.has_unpublished_changes and page.title.endswith("(draft)")


ACTION_DONE = {"edit": opens_in_the_editor, "publish": publishes_a_draft}
CASES = [
    (role, action, language, kind)
    for role in ROLES
    for action in ACTION_DONE
    for language in LANGUAGES
    for kind in PAGES
]


@pytest.mark.parametrize(("role", "action", "language", "kind"), CASES)
def test_agora_pages_follow_the_role_matrix(client, agora, role, action, language, kind):
    client.force_login(member_of(role))

    done = ACTION_DONE[action](client, agora[language][kind])

    assert done == allowed(role, action, language)
