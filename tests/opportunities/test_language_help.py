"""A call written in a language its reader doesn't master: the page shows the members who offered
help with that language, and one of them answers the call for help through the portal, which
e-mails whoever asked with the helper's address to reply to."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from opportunities.choices import CallLanguage, OpportunityKind
from opportunities.models import LanguageHelpOffer
from tests.directory.factories import listed_profile, member
from tests.home.factories import build_site_tree
from tests.opportunities.factories import (
    OpportunityBoardPageFactory,
    OpportunityPageFactory,
    in_days,
)

MESSAGE = "Je lis le néerlandais tous les jours : je peux relire l'appel avec vous mardi."


@pytest.fixture
def call(db):
    tree = build_site_tree()
    board = OpportunityBoardPageFactory(parent=tree.home["fr"])
    call = OpportunityPageFactory(
        parent=board,
        title="Appel du fonds flamand pour les arts numériques",
        kind=OpportunityKind.CALL_FOR_PROJECTS,
        call_language=CallLanguage.DUTCH,
        language_help_wanted=True,
        contact_email="comptoir@smart.example",
    )
    helper = member(email="an@members.example", first_name="An")
    listed_profile(helper, display_name="An V.", can_help_with="nl", visibility="public")
    english_only = member(email="sam@members.example", first_name="Sam")
    listed_profile(english_only, display_name="Sam K.", can_help_with="en", visibility="public")
    return {"board": board, "call": call, "helper": helper, "english_only": english_only}


def offer_url(call):
    return f"/fr/opportunities/{call.pk}/language-help/"


def helper_names(response):
    section = BeautifulSoup(response.content, "html.parser").select_one("#language-help")
    return [link.get_text(strip=True) for link in section.find_parent("section").select("li a")]


def test_the_call_shows_the_members_who_offered_help_with_its_language(client, call):
    response = client.get(call["call"].url)

    assert helper_names(response) == ["An V."]
    assert offer_url(call["call"]) in response.content.decode()


def test_visitors_see_public_helpers_only_on_a_page_caches_may_keep(client, call):
    quiet = member(email="jo@members.example", first_name="Jo")
    listed_profile(quiet, display_name="Jo M.", can_help_with="nl", visibility="members")

    visitor = client.get(call["call"].url)
    client.force_login(call["english_only"])
    signed_in = client.get(call["call"].url)

    assert helper_names(visitor) == ["An V."]
    # Read without touching the visitor's session: the page varies on nothing personal.
    assert "Cookie" not in visitor.get("Vary", "")
    assert helper_names(signed_in) == ["An V.", "Jo M."]


def test_a_helper_answers_the_call_and_the_poster_gets_it_by_e_mail(client, call):
    client.force_login(call["helper"])

    response = client.post(offer_url(call["call"]), {"message": MESSAGE})

    assert response.status_code == 302
    assert response["Location"] == call["call"].url
    [email] = mail.outbox
    assert email.to == ["comptoir@smart.example"]
    assert email.reply_to == ["an@members.example"]
    assert "An V." in email.body and MESSAGE in email.body
    assert call["call"].title in email.subject
    page = client.get(call["call"].url).content.decode()
    assert "Votre offre est envoyée. Merci pour votre aide." in page
    assert "an@members.example" not in page
    assert LanguageHelpOffer.objects.get().helper == call["helper"]


def test_a_second_offer_to_the_same_call_is_refused_and_sends_nothing(client, call):
    client.force_login(call["helper"])
    client.post(offer_url(call["call"]), {"message": MESSAGE})

    response = client.post(offer_url(call["call"]), {"message": MESSAGE})

    assert response.status_code == 403
    assert len(mail.outbox) == 1
    assert LanguageHelpOffer.objects.count() == 1


def test_a_member_who_offered_another_language_is_sent_to_their_profile(client, call):
    client.force_login(call["english_only"])

    page = client.get(offer_url(call["call"]))
    response = client.post(offer_url(call["call"]), {"message": MESSAGE})

    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one('[role="alert"]') is not None
    assert html.select_one("form textarea") is None
    assert response.status_code == 403
    assert not mail.outbox and not LanguageHelpOffer.objects.exists()


def test_an_empty_message_is_a_clear_error(client, call):
    client.force_login(call["helper"])

    response = client.post(offer_url(call["call"]), {"message": "  "})

    assert response.status_code == 400
    assert not mail.outbox and not LanguageHelpOffer.objects.exists()


def test_a_visitor_is_asked_to_sign_in_first(client, call):
    response = client.get(offer_url(call["call"]))

    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_a_closed_call_takes_no_more_offers(client, call):
    call["call"].closes_on = in_days(-1)
    call["call"].save_revision().publish()
    client.force_login(call["helper"])

    response = client.post(offer_url(call["call"]), {"message": MESSAGE})

    assert response.status_code == 403
    assert not mail.outbox


@pytest.mark.parametrize(
    "path", ["/nl/opportunities/{pk}/language-help/", "/fr/opportunities/0/language-help/"]
)
def test_another_languages_address_or_an_unknown_call_is_not_found(client, call, path):
    client.force_login(call["helper"])

    assert client.get(path.format(pk=call["call"].pk)).status_code == 404


def test_a_call_without_language_help_has_no_such_form(client, call):
    other = OpportunityPageFactory(parent=call["board"])
    client.force_login(call["helper"])

    assert client.get(offer_url(other)).status_code == 404
    assert "language-help" not in client.get(other.url).content.decode()


def test_a_member_offers_help_a_few_times_a_day_at_most(client, call):
    calls = [
        OpportunityPageFactory(
            parent=call["board"],
            call_language=CallLanguage.DUTCH,
            language_help_wanted=True,
        )
        for _number in range(6)
    ]
    client.force_login(call["helper"])
    for opportunity in calls[:5]:
        assert client.post(offer_url(opportunity), {"message": MESSAGE}).status_code == 302

    response = client.post(offer_url(calls[5]), {"message": MESSAGE})

    assert response.status_code == 429
    assert len(mail.outbox) == 5
