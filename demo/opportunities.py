"""Demo opportunities board: the board of each language and ten opportunities, from
`content/opportunities.toml`.

Built after the offices and the directory, since opportunities concern a region and trades.
French pages first, then Dutch and English as wagtail-localize translations, the board before its
opportunities (a translated page needs its parent's translation). Closing dates are counted from
the day the demo is loaded, in Brussels, so the board always has open calls and a few closed
ones. A second run finds each page by its translation key and changes nothing, whatever the day.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from directory.models import Skill
from events.occurrences import BRUSSELS
from home.models import HomePage
from offices.models import OfficePage
from opportunities.models import OpportunityBoardPage, OpportunityPage

from .sources import SOURCE_LANGUAGE, demo_key, intro_page_values, read
from .translation import source_page, translate_page


def opportunity_values(text):
    """The words of an opportunity: what translators translate."""
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "body": [{"type": "paragraph", "value": paragraph} for paragraph in text["body"]],
    }


def opportunity_fields(item, today, offices, skills):
    """Everything of an opportunity but its words, the same in every language. `offices` and
    `skills` are the French ones by translation key: a key the text names must exist."""
    return {
        "kind": item["kind"],
        "organisation": item["organisation"],
        "closes_on": today + datetime.timedelta(days=item["closes_in_days"]),
        "call_language": item["call_language"],
        "language_help_wanted": item["language_help_wanted"],
        "skills": [skills[demo_key("skill", key)] for key in item["skills"]],
        "office": offices[demo_key("office", item["office"])] if "office" in item else None,
        "apply_url": item["apply_url"],
        "contact_email": item["contact_email"],
    }


def build_opportunities(builder):
    """The opportunities board under the French home page, its opportunities, and their
    translations."""
    text = read("opportunities.toml")
    today = timezone.localdate(timezone=BRUSSELS)
    locale = builder.source_locale
    with transaction.atomic():
        home = HomePage.objects.get(translation_key=demo_key("page", "home"), locale=locale)
        board = source_page(
            builder,
            home,
            OpportunityBoardPage,
            demo_key("page", "opportunities"),
            intro_page_values(text["board"][SOURCE_LANGUAGE]),
            show_in_menus=True,
        )
        offices = {
            office.translation_key: office for office in OfficePage.objects.filter(locale=locale)
        }
        skills = {skill.translation_key: skill for skill in Skill.objects.filter(locale=locale)}
        opportunities = []
        for item in text["opportunities"]:
            opportunity = source_page(
                builder,
                board,
                OpportunityPage,
                demo_key("opportunity", item["key"]),
                opportunity_values(item[SOURCE_LANGUAGE]),
                **opportunity_fields(item, today, offices, skills),
            )
            opportunities.append((opportunity, item))
    translate_page(builder, board, text["board"], intro_page_values)
    for opportunity, item in opportunities:
        translate_page(builder, opportunity, item, opportunity_values)
    return board
