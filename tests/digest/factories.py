"""Members' subscriptions to the weekly e-mail, and the site it tells about in three languages.

`subscription(member(), "nl", office=offices["brussels"]["nl"], skills=[...])` subscribes a
member. `build_digest_site()` makes the contact page with two offices, the agenda and the
opportunities board, each in French, Dutch and English.
"""

from dataclasses import dataclass

from digest.models import DigestSubscription
from tests.events.factories import AgendaPageFactory
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.opportunities.factories import OpportunityBoardPageFactory
from tests.translations.factories import translate, translate_into_all

OFFICE_NAMES = {
    "brussels": {"fr": "Smart Bruxelles", "nl": "Smart Brussel", "en": "Smart Brussels"},
    "liege": {"fr": "Smart Liège", "nl": "Smart Luik", "en": "Smart Liège"},
}


def subscription(user, language="fr", office=None, skills=(), **fields):
    made = DigestSubscription.objects.create(user=user, language=language, office=office, **fields)
    made.skills.set(skills)
    return made


@dataclass
class DigestSite:
    """Pages by language: `offices["brussels"]["nl"]`, `agendas["en"]`, `boards["fr"]`."""

    offices: dict
    agendas: dict
    boards: dict


def build_digest_site():
    tree = build_site_tree()
    contact = ContactPageFactory(parent=tree.home["fr"])
    for language in ("nl", "en"):
        translate(contact, language)
    offices = {}
    for slug, names in OFFICE_NAMES.items():
        office = OfficePageFactory(parent=contact, title=names["fr"], slug=slug)
        offices[slug] = translate_into_all(
            office, {language: {names["fr"]: names[language]} for language in ("nl", "en")}
        )
    agendas = translate_into_all(AgendaPageFactory(parent=tree.home["fr"]))
    boards = translate_into_all(OpportunityBoardPageFactory(parent=tree.home["fr"]))
    return DigestSite(offices=offices, agendas=agendas, boards=boards)
