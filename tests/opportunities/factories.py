"""Factories for the opportunities board; closing dates are relative to today, in Brussels."""

import datetime

import factory

from opportunities.choices import CallLanguage, OpportunityKind
from opportunities.closing import today_in_brussels
from opportunities.models import OpportunityBoardPage, OpportunityPage
from tests.portal.factories import PageFactory


def in_days(days):
    return today_in_brussels() + datetime.timedelta(days=days)


class OpportunityBoardPageFactory(PageFactory):
    title = "Opportunités"
    slug = "opportunites"
    intro = "Appels à projets, bourses, emplois et collaborations proposés par et pour les membres."

    class Meta:
        model = OpportunityBoardPage


class OpportunityPageFactory(PageFactory):
    """A grant written in French, open for twenty more days."""

    title = factory.Sequence(lambda n: f"Bourse de création ({n})")
    kind = OpportunityKind.GRANT
    summary = (
        "Une aide pour écrire et créer un nouveau spectacle, ouverte aux artistes de la scène."
    )
    organisation = "Fonds des arts de la scène"
    closes_on = factory.LazyFunction(lambda: in_days(20))
    call_language = CallLanguage.FRENCH
    contact_email = "appels@fonds.example"

    class Meta:
        model = OpportunityPage
