"""Reading the agenda's filters from the address, and the pieces its listings share."""

import datetime
import re

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.utils.text import slugify

from directory.models import Skill
from offices.models import OfficePage

from .choices import EventKind
from .occurrences import BRUSSELS

MONTH = re.compile(r"(20[0-9]{2})-(0[1-9]|1[0-2])")
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def offices_of(locale_id):
    """The live offices of a language, for the filter: {slug: office}."""
    return {
        office.slug: office
        for office in OfficePage.objects.live().filter(locale_id=locale_id).order_by("title")
    }


def attach_local_offices(events, offices):
    """Give each event a `local_office`: its office's page in the listing's language, from the
    offices already read (translations keep their source's office)."""
    by_key = {office.translation_key: office for office in offices}
    for event in events:
        office = event.office
        event.local_office = by_key.get(office.translation_key, office) if office else None
    return events


def chosen_filters(request, locale_id, allowed, offices=None):
    """The filters in the address, checked: {name: value}, and the office and trade they name.
    A value the agenda doesn't know is a 404, as an address that leads nowhere. `offices`: the
    language's offices by slug, if already read."""
    chosen = {}
    office = trade = None
    if slug := request.GET.get("office"):
        office = (offices if offices is not None else offices_of(locale_id)).get(slug)
        if office is None:
            raise Http404("Unknown office")
        chosen["office"] = slug
    if kind := request.GET.get("kind"):
        if kind not in EventKind.values:
            raise Http404("Unknown kind of event")
        chosen["kind"] = kind
    if "month" in allowed and (month := request.GET.get("month")):
        if not MONTH.fullmatch(month):
            raise Http404("Not a month")
        chosen["month"] = month
    if "trade" in allowed and (trade_id := request.GET.get("trade")):
        trade = skill_named_by(trade_id, locale_id)
        chosen["trade"] = trade_id
    return chosen, office, trade


def skill_named_by(value, locale_id, skills=None):
    """The trade or skill of the language whose id an address gives, or a 404. `skills`: the
    language's, if already read."""
    if not (value.isascii() and value.isdigit() and len(value) < 10):
        raise Http404("Not a trade or skill")
    if skills is None:
        skill = Skill.objects.filter(pk=int(value), locale_id=locale_id).first()
    else:
        skill = next((skill for skill in skills if skill.pk == int(value)), None)
    if skill is None:
        raise Http404("Unknown trade or skill")
    return skill


def filter_events(events, chosen, office, trade):
    """`events` narrowed to the office, kind and trade chosen. Translations keep their source's
    office and trades: both are matched by translation key."""
    if office is not None:
        events = events.filter(office__translation_key=office.translation_key)
    if "kind" in chosen:
        events = events.filter(kind=chosen["kind"])
    if trade is not None:
        events = events.filter(trades__translation_key=trade.translation_key).distinct()
    return events


def month_bounds(month):
    """The first moment of the month '2026-12' and of the next, in Brussels."""
    year, number = (int(part) for part in month.split("-"))
    start = datetime.datetime(year, number, 1, tzinfo=BRUSSELS)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, end


def coming_months(now, count=12):
    """('2026-12', first day) for this month and the next ones."""
    first = now.astimezone(BRUSSELS).date().replace(day=1)
    months = []
    for _step in range(count):
        months.append((f"{first:%Y-%m}", first))
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return months


def page_of(request, items, per_page):
    """The page of `items` the address asks for, and whether it asked for one past the first."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
    # ASCII digits in their one spelling, as the news listing reads them.
    if not PAGE_NUMBER.fullmatch(number) or int(number) > paginator.num_pages:
        raise Http404("No such page")
    return paginator.page(int(number)), number != "1"


def calendar_response(content, name):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slugify(name) or "agenda"}.ics"'
    return response
