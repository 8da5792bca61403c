"""When an event takes place: once, or repeated every week or every month, in Brussels time.

A repeated event is stored once, with its first date and a rule; its dates are worked out here,
in the local time of Brussels, so a session at 18:00 stays at 18:00 across the change to and from
summer time.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from dateutil import rrule
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
# However long a rule runs, the agenda and the feeds look this far ahead.
HORIZON_DAYS = 366


class Recurrence(models.TextChoices):
    ONCE = "", _("Once")
    WEEKLY = "weekly", _("Every week, on the same day")
    MONTHLY = "monthly", _("Every month, on the same weekday (the first Tuesday, say)")


@dataclass(frozen=True)
class Occurrence:
    """One date of an event."""

    event: object
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    @property
    def key(self):
        """The occurrence in addresses and registrations: its start, in UTC, to the minute."""
        return self.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%MZ")


def occurrence_key_to_datetime(key):
    """The start of the occurrence `key` names, or None if `key` is not one."""
    try:
        return datetime.datetime.strptime(key, "%Y%m%dT%H%MZ").replace(tzinfo=datetime.UTC)
    except (TypeError, ValueError):
        return None


def week_of_month(day):
    """Which of its weekday the day is in its month: 2 for the second Tuesday of the month."""
    return (day.day - 1) // 7 + 1


# "the second Tuesday of the month": the week of the month, as members say it.
ORDINALS = [
    pgettext_lazy("week of the month", "first"),
    pgettext_lazy("week of the month", "second"),
    pgettext_lazy("week of the month", "third"),
    pgettext_lazy("week of the month", "fourth"),
    pgettext_lazy("week of the month", "fifth"),
]


def recurrence_description(event):
    """How a repeated event repeats, as members read it: 'Every Wednesday', 'Every second
    Thursday of the month'; '' for an event that happens once."""
    if not event.recurrence:
        return ""
    start = event.starts_at.astimezone(BRUSSELS)
    weekday = WEEKDAYS[start.weekday()]
    if event.recurrence == Recurrence.WEEKLY:
        return _("Every %(weekday)s") % {"weekday": weekday}
    ordinal = ORDINALS[week_of_month(start) - 1]
    return _("Every %(ordinal)s %(weekday)s of the month") % {
        "ordinal": ordinal,
        "weekday": weekday,
    }


def recurrence_rule(event):
    """The dateutil rule of a repeated event, in Brussels local time; None if it happens once."""
    if not event.recurrence:
        return None
    start = event.starts_at.astimezone(BRUSSELS).replace(tzinfo=None)
    until = None
    if event.repeat_until:
        until = datetime.datetime.combine(event.repeat_until, datetime.time(23, 59))
    if event.recurrence == Recurrence.WEEKLY:
        return rrule.rrule(rrule.WEEKLY, dtstart=start, until=until)
    # The same weekday of the same week of the month: the 2nd Tuesday stays the 2nd Tuesday.
    weekday = rrule.weekday(start.weekday(), week_of_month(start))
    return rrule.rrule(rrule.MONTHLY, dtstart=start, until=until, byweekday=weekday)


def occurrences(event, after=None, before=None):
    """The dates of `event` ending after `after` and starting before `before` (aware datetimes;
    either may be None), earliest first, at most a year past `after` for a rule without end."""
    duration = event.ends_at - event.starts_at
    rule = recurrence_rule(event)
    if rule is None:
        starts = [event.starts_at]
    else:
        horizon = (after or event.starts_at) + datetime.timedelta(days=HORIZON_DAYS)
        if before is None or before > horizon:
            before = horizon
        local_after = (
            (after - duration).astimezone(BRUSSELS).replace(tzinfo=None) if after else None
        )
        local_before = before.astimezone(BRUSSELS).replace(tzinfo=None)
        starts = [
            start.replace(tzinfo=BRUSSELS)
            for start in rule.between(local_after or rule._dtstart, local_before, inc=True)
        ]
    return [
        Occurrence(event, start, start + duration)
        for start in starts
        if (after is None or start + duration > after) and (before is None or start < before)
    ]


def last_end(event):
    """When the event's last date ends; None for a rule without end."""
    rule = recurrence_rule(event)
    if rule is None:
        return event.ends_at
    if not event.repeat_until:
        return None
    last = rule.before(
        datetime.datetime.combine(event.repeat_until, datetime.time(23, 59)), inc=True
    )
    return last.replace(tzinfo=BRUSSELS) + (event.ends_at - event.starts_at)
