"""When an opportunity closes: at the end of its closing day, Brussels time. Nothing has to run
for a closed call to leave the board and the search: both ask for open ones only."""

import datetime

from django.utils import timezone

from events.occurrences import BRUSSELS


def today_in_brussels(now=None):
    return (now or timezone.now()).astimezone(BRUSSELS).date()


def closes_at(opportunity):
    """The moment the call closes: midnight at the end of its closing day, in Brussels."""
    next_day = opportunity.closes_on + datetime.timedelta(days=1)
    return datetime.datetime.combine(next_day, datetime.time(), tzinfo=BRUSSELS)


def is_open(opportunity, now=None):
    return opportunity.closes_on >= today_in_brussels(now)


def open_on(opportunities, today=None):
    """The opportunities of a queryset still open on `today` (Brussels; by default today)."""
    return opportunities.filter(closes_on__gte=today or today_in_brussels())
