"""Demo agenda: the agenda page of each language and fifteen events, from `content/events.toml`.

Built after the offices and the directory, since events take place at an office and concern
trades. French pages first, then Dutch and English as wagtail-localize translations, the agenda
before its events (a translated page needs its parent's translation). Dates are counted from the
day the demo is loaded, in Brussels, so the demo always has coming and past events. A second run
finds each page by its translation key and changes nothing, whatever the day.
"""

import datetime

import dateutil.easter
from django.db import transaction
from django.utils import timezone

from directory.models import Skill
from events.models import AgendaPage, EventPage
from events.occurrences import BRUSSELS, week_of_month
from home.models import HomePage
from offices.models import OfficePage

from .sources import SOURCE_LANGUAGE, demo_key, intro_page_values, read
from .translation import source_page, translate_page


def event_values(text):
    """The words of an event: what translators translate."""
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "body": [{"type": "paragraph", "value": paragraph} for paragraph in text["programme"]],
    }


def public_holidays(year):
    """Belgium's public holidays in `year`: no office holds an event on them."""
    easter = dateutil.easter.easter(year)
    fixed = [(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)]
    return {datetime.date(year, month, day) for month, day in fixed} | {
        easter + datetime.timedelta(days=days) for days in (1, 39, 50)
    }


def is_free(day, item, closures):
    """Whether the event can take place on `day`: its weekday (and for a monthly one its week
    of the month, as the agenda repeats it), not a public holiday, its office open."""
    return (
        day.weekday() == item["weekday"]
        and ("week" not in item or week_of_month(day) == item["week"])
        and day not in public_holidays(day.year)
        and not any(start <= day <= end for start, end in closures)
    )


def first_day(item, today, closures):
    """The day of the first date: `in_days` from `today`, moved forward to a day it can be."""
    day = today + datetime.timedelta(days=item["in_days"])
    while not is_free(day, item, closures):
        day += datetime.timedelta(days=1)
    return day


def event_fields(item, today, offices, skills):
    """Everything of an event but its words, the same in every language. `offices` and
    `skills` are the French ones by translation key: a key the text names must exist."""
    office = offices[demo_key("office", item["office"])] if "office" in item else None
    closures = (
        [(closure.start_date, closure.end_date) for closure in office.closures.all()]
        if office
        else []
    )
    starts_at = datetime.datetime.combine(
        first_day(item, today, closures), datetime.time.fromisoformat(item["time"]), BRUSSELS
    )
    until = item.get("until_in_days")
    return {
        "kind": item["kind"],
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(minutes=item["duration_minutes"]),
        "recurrence": item.get("recurrence", ""),
        "repeat_until": today + datetime.timedelta(days=until) if until is not None else None,
        "office": office,
        "venue": item.get("venue", ""),
        "online_link": item.get("online_link", ""),
        "places": item.get("places"),
        "trades": [skills[demo_key("skill", key)] for key in item["trades"]],
        "organiser_email": item["organiser_email"],
    }


def build_agenda(builder):
    """The agenda under the French home page, its events, and their translations."""
    text = read("events.toml")
    today = timezone.localdate(timezone=BRUSSELS)
    locale = builder.source_locale
    with transaction.atomic():
        home = HomePage.objects.get(translation_key=demo_key("page", "home"), locale=locale)
        agenda = source_page(
            builder,
            home,
            AgendaPage,
            demo_key("page", "agenda"),
            intro_page_values(text["agenda"][SOURCE_LANGUAGE]),
            show_in_menus=True,
        )
        offices = {
            office.translation_key: office for office in OfficePage.objects.filter(locale=locale)
        }
        skills = {skill.translation_key: skill for skill in Skill.objects.filter(locale=locale)}
        events = []
        for item in text["events"]:
            fields = event_fields(item, today, offices, skills)
            event = source_page(
                builder,
                agenda,
                EventPage,
                demo_key("event", item["key"]),
                event_values(item[SOURCE_LANGUAGE]),
                **fields,
            )
            events.append((event, item))
    translate_page(builder, agenda, text["agenda"], intro_page_values)
    for event, item in events:
        translate_page(builder, event, item, event_values)
    return agenda
