"""The open calls' closing dates as a calendar feed: one all-day entry on each last day.

Each call has one UID, its translation key, so re-importing the feed or importing it in another
language updates entries instead of adding them again (as the agenda's feeds do).
"""

import datetime

import icalendar
from django.utils.translation import gettext as _

from events.calendar import add_publication_stamps, new_calendar
from portal.pages import absolute_url

UID_DOMAIN = "opportunities.smart.coop"


def closing_date_component(request, opportunity):
    component = icalendar.Event()
    component.add("uid", f"{opportunity.translation_key}@{UID_DOMAIN}")
    # A date, not a time: the whole last day, wherever the calendar is.
    component.add("dtstart", opportunity.closes_on)
    component.add("dtend", opportunity.closes_on + datetime.timedelta(days=1))
    component.add("transp", "TRANSPARENT")
    component.add("summary", _("Closes: %(title)s") % {"title": opportunity.title})
    url = absolute_url(request, opportunity)
    component.add("description", f"{opportunity.summary}\n\n{url}")
    component.add("url", url)
    add_publication_stamps(component, opportunity)
    return component


def closing_dates_calendar(name, request, opportunities):
    calendar = new_calendar(name)
    for opportunity in opportunities:
        calendar.add_component(closing_date_component(request, opportunity))
    return calendar.to_ical()
