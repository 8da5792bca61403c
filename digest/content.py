"""What one member's weekly e-mail holds: the events and opportunities published since the last
one, in the member's language, for their office and their trades and skills.

Each language has its own office pages and its own skills, so office and skills are compared by
translation key: a member who chose "Bruxelles" in French receives the Dutch events of "Brussel"
if they read the e-mail in Dutch. The items of a language are read once for a whole run
(`NewItems`) and matched to each member in Python, so a run costs a few queries per language
whatever the number of members.
"""

from dataclasses import dataclass

from events.models import EventPage
from opportunities.closing import open_on, today_in_brussels
from opportunities.models import OpportunityPage


@dataclass(frozen=True)
class Digest:
    """One member's e-mail: [(event, its first coming date)] and [opportunity], soonest first."""

    events: list
    opportunities: list

    def __bool__(self):
        return bool(self.events or self.opportunities)


def translation_keys(items):
    return {item.translation_key for item in items}


class NewItems:
    """The events with a coming date and the open opportunities of one language published since
    `since`, read in one go, each with its office's and its skills' translation keys."""

    def __init__(self, language, since, now):
        self.since = since
        events = (
            EventPage.objects.live()
            .public()
            .filter(locale__language_code=language, first_published_at__gte=since)
            .select_related("office", "locale")
            .prefetch_related("trades")
        )
        self.events = []
        for event in events:
            dates = event.next_occurrences(count=1, now=now)
            if dates:
                self.events.append((event, dates[0], *self._keys(event, event.trades.all())))
        self.events.sort(key=lambda item: (item[1].starts_at, item[0].title))
        opportunities = (
            open_on(OpportunityPage.objects.live().public(), today_in_brussels(now))
            .filter(locale__language_code=language, first_published_at__gte=since)
            .select_related("office", "locale")
            .prefetch_related("skills")
            .order_by("closes_on", "title")
        )
        self.opportunities = [
            (opportunity, *self._keys(opportunity, opportunity.skills.all()))
            for opportunity in opportunities
        ]

    @staticmethod
    def _keys(item, skills):
        return (item.office.translation_key if item.office else None, translation_keys(skills))


def concerns(office_key, skill_keys, item_office_key, item_skill_keys):
    """Whether an item is for a member of that office with those skills. An item for no office
    is for every office; a member with no skills, or an item for no skill, matches any skill."""
    if office_key and item_office_key and item_office_key != office_key:
        return False
    return not skill_keys or not item_skill_keys or bool(skill_keys & item_skill_keys)


def digest_for(subscription, since, now, new_items=None):
    """The new events and opportunities for `subscription` published since `since`.

    `new_items`: its language's items already read for a run, since `since` or earlier; read
    here when not given. The subscription's office and skills are best read with it
    (`select_related("office")`, `prefetch_related("skills")`).
    """
    if new_items is None:
        new_items = NewItems(subscription.language, since, now)
    office_key = subscription.office.translation_key if subscription.office else None
    skill_keys = translation_keys(subscription.skills.all())

    def wanted(item, item_office_key, item_skill_keys):
        return item.first_published_at >= since and concerns(
            office_key, skill_keys, item_office_key, item_skill_keys
        )

    return Digest(
        events=[(event, date) for event, date, *keys in new_items.events if wanted(event, *keys)],
        opportunities=[
            opportunity
            for opportunity, *keys in new_items.opportunities
            if wanted(opportunity, *keys)
        ],
    )
