"""Is an office open at a given instant, and until when: computed in the office's own time zone.

Hours are wall-clock times on weekdays ("Monday 9:00 to 12:30"), so they are combined with each
date in the office's zone: the UTC instant of "9:00" moves by an hour when the clocks change, and
the answer stays right on both sides of the change. A closure (a holiday, a move) closes the office
for whole days, whatever its usual hours.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# How far ahead to look for the next opening: past the longest closure editors are expected to
# enter (the Christmas break); beyond it, the page says nothing rather than guess.
LOOKAHEAD_DAYS = 31


@dataclass(frozen=True)
class Range:
    """One opening range on a weekday (0 is Monday), in local wall-clock time."""

    weekday: int
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class Closure:
    """Whole days the office is closed, first and last included."""

    start: datetime.date
    end: datetime.date
    reason: str

    def covers(self, day):
        return self.start <= day <= self.end


@dataclass(frozen=True)
class OpeningState:
    """What a member needs to know now: open or not, until when, and when it opens next."""

    is_open: bool
    # The local date, and local aware datetimes in the office's zone.
    today: datetime.date
    closes_at: datetime.datetime | None = None
    opens_at: datetime.datetime | None = None
    # The closure in force today, if that is why the office is closed.
    closure: Closure | None = None
    changes_at: datetime.datetime | None = None

    @property
    def opens_today(self):
        return self.opens_at is not None and self.opens_at.date() == self.today

    @property
    def opens_tomorrow(self):
        return (
            self.opens_at is not None
            and self.opens_at.date() == self.today + datetime.timedelta(days=1)
        )


def closure_on(day, closures):
    return next((closure for closure in closures if closure.covers(day)), None)


def periods_on(day, ranges, closures, zone):
    """The opening periods of a local date, as aware datetimes, earliest first."""
    if closure_on(day, closures):
        return []
    periods = [
        (
            datetime.datetime.combine(day, hours.opens, tzinfo=zone),
            datetime.datetime.combine(day, hours.closes, tzinfo=zone),
        )
        for hours in ranges
        if hours.weekday == day.weekday() and hours.closes > hours.opens
    ]
    return sorted(periods)


def upcoming_periods(local_now, ranges, closures, zone):
    """Opening periods not yet over, from today on, with back-to-back ranges joined."""
    merged = []
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = local_now.date() + datetime.timedelta(days=offset)
        for opens, closes in periods_on(day, ranges, closures, zone):
            if closes <= local_now:
                continue
            if merged and opens <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(closes, merged[-1][1]))
            else:
                merged.append((opens, closes))
    return merged


def next_midnight(local_now, zone):
    tomorrow = local_now.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(0), tzinfo=zone)


def opening_state(ranges, closures, time_zone, now):
    """The office's state at the instant `now` (any aware datetime), in the zone `time_zone`.

    `changes_at` is when this answer stops being true: the next opening or closing, or the next
    midnight, whichever comes first (pages also show which day is today).
    """
    zone = ZoneInfo(time_zone)
    local_now = now.astimezone(zone)
    periods = upcoming_periods(local_now, ranges, closures, zone)
    midnight = next_midnight(local_now, zone)
    today = local_now.date()
    closure = closure_on(today, closures)
    if periods and periods[0][0] <= local_now:
        opens, closes = periods[0]
        return OpeningState(
            is_open=True,
            today=today,
            closes_at=closes,
            opens_at=periods[1][0] if len(periods) > 1 else None,
            changes_at=min(closes, midnight),
        )
    opens_at = periods[0][0] if periods else None
    return OpeningState(
        is_open=False,
        today=today,
        opens_at=opens_at,
        closure=closure,
        changes_at=min(opens_at, midnight) if opens_at else midnight,
    )
