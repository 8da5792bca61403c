"""Where to turn when the portal has no page that answers: the team that handles the question,
every team and office, and the frequently asked questions."""

import re
from dataclasses import dataclass, field

from guides.models import FAQPage
from offices.models import ContactPage, Service
from portal.text import fold

# Words shorter than this ('de', 'van', 'the') say nothing about which team to ask.
MIN_WORD_LENGTH = 4
# A query word and a word of what a team handles name the same thing when they start alike:
# 'factures' and 'facturation', 'loon' and 'loonfiches'.
SHARED_PREFIX = 5
TEAMS_SHOWN = 2


@dataclass
class AskInstead:
    """The teams most likely to answer `query`, the contact page and the FAQ page."""

    services: list = field(default_factory=list)
    contact_url: str = ""
    faq_url: str = ""


def stems(text):
    return {
        fold(word)[:SHARED_PREFIX]
        for word in re.findall(r"\w+", text)
        if len(word) >= MIN_WORD_LENGTH
    }


def ask_instead(query, locale, request):
    """Whom to ask about `query` in `locale`: the teams whose work shares its words, or the
    first team members are told to ask (the welcome desk) when none does."""
    services = list(Service.objects.filter(locale=locale))
    asked = stems(query)
    matching = sorted(
        (service for service in services if asked & stems(f"{service.name} {service.handles}")),
        key=lambda service: -len(asked & stems(f"{service.name} {service.handles}")),
    )
    contact = ContactPage.objects.live().filter(locale=locale).first()
    faq = FAQPage.objects.live().filter(locale=locale).first()
    return AskInstead(
        services=matching[:TEAMS_SHOWN] or services[:1],
        contact_url=contact.get_url(request) if contact else "",
        faq_url=faq.get_url(request) if faq else "",
    )
