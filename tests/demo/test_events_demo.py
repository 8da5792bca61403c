"""The demo's agenda: fifteen events in three languages, coming and past, once and repeated, with
and without registration, at offices, elsewhere and online; a second run changes nothing.

These read the demo content as a whole: the module is marked `demo_site`, so the demo site is
loaded once for it (tests/conftest.py).
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Revision
from wagtail_localize.models import Translation

from demo.sources import demo_key, read
from directory.models import Skill
from events.models import AgendaPage, EventPage
from offices.models import OfficePage
from tests.pages import LANGUAGES, demo_page

pytestmark = pytest.mark.demo_site

EVENT_FIELDS = [
    "pk",
    "locale_id",
    "translation_key",
    "title",
    "slug",
    "live",
    "kind",
    "summary",
    "starts_at",
    "ends_at",
    "recurrence",
    "repeat_until",
    "office_id",
    "venue",
    "online_link",
    "places",
    "organiser_email",
]


def snapshot():
    event_trades = EventPage._meta.get_field("trades").remote_field.through
    return {
        "agendas": sorted(AgendaPage.objects.values_list("pk", "locale_id", "title", "intro")),
        "events": sorted(EventPage.objects.values_list(*EVENT_FIELDS)),
        "trades": sorted(event_trades.objects.values_list("pk", "eventpage_id", "skill_id")),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
    }


def french_events():
    return list(EventPage.objects.filter(locale__language_code="fr"))


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_a_second_run_creates_and_changes_nothing_in_the_agenda():
    before = snapshot()

    call_command("load_demo", stdout=io.StringIO())

    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_is_live_in_every_language_with_its_fifteen_events(language):
    agenda = demo_page("page", "agenda", language)

    assert isinstance(agenda, AgendaPage)
    assert agenda.live and agenda.intro
    assert agenda.get_parent().specific == demo_page("page", "home", language)
    events = EventPage.objects.child_of(agenda)
    assert events.count() == events.live().count() == 15
    assert set(events.values_list("locale__language_code", flat=True)) == {language}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_and_english_events_are_live_translations_in_their_own_words(language):
    for source in french_events():
        event = EventPage.objects.get(
            translation_key=source.translation_key, locale__language_code=language
        )
        translation = Translation.objects.get(
            source__object_id=source.translation_key, target_locale=event.locale
        )
        assert translation.get_target_instance().pk == event.pk
        assert event.live and not event.has_unpublished_changes, event
        assert event.title != source.title
        assert event.slug != source.slug
        assert event.summary != source.summary
        assert len(event.body) == len(source.body)
        assert all(
            ours.value.source != theirs.value.source
            for ours, theirs in zip(event.body, source.body, strict=True)
        ), event
        # When, where and how many are the event's, whatever the language.
        for field in ["kind", "starts_at", "ends_at", "recurrence", "repeat_until", "places"]:
            assert getattr(event, field) == getattr(source, field), (event, field)
        for field in ["office_id", "venue", "online_link", "organiser_email"]:
            assert getattr(event, field) == getattr(source, field), (event, field)
        assert set(event.trades.all()) == set(source.trades.all())


@pytest.mark.django_db
def test_the_agenda_has_past_repeated_registration_and_online_events():
    events = french_events()
    past = [event for event in events if event.is_past()]
    repeated = [event for event in events if event.recurrence]
    with_places = [event for event in events if event.has_registration]

    assert 2 <= len(past) <= 4
    assert all(not event.recurrence for event in past)
    assert len(repeated) >= 3
    assert {event.recurrence for event in repeated} == {"weekly", "monthly"}
    assert len(with_places) >= 5
    assert min(event.places for event in with_places) <= 3
    assert any(event.is_online for event in events)
    assert any(event.venue and not event.office for event in events)
    assert {event.kind for event in events} == {
        "information-session",
        "workshop",
        "general-assembly",
        "meetup",
        "member-event",
    }
    # Everything but the past events still has a date to come.
    assert all(event.next_occurrences(count=1) for event in events if not event.is_past())


@pytest.mark.django_db
def test_every_event_says_where_and_points_to_offices_and_trades_that_exist():
    text = {item["key"]: item for item in read("events.toml")["events"]}
    for event in EventPage.objects.all():
        assert event.office or event.venue or event.online_link, event
        if event.office_id:
            office = OfficePage.objects.live().get(pk=event.office_id)
            assert office.locale.language_code == "fr"
        for skill in event.trades.all():
            assert Skill.objects.filter(pk=skill.pk, locale__language_code="fr").exists()
        assert event.organiser_email.endswith("@example.org")

    for key, item in text.items():
        event = demo_page("event", key)
        assert set(event.trades.values_list("translation_key", flat=True)) == {
            demo_key("skill", trade) for trade in item["trades"]
        }, key
        office = item.get("office")
        assert event.office_id == (demo_page("office", office).pk if office else None), key


def linked_events(client, url):
    return {link["href"] for link in html_of(client, url).select(".event-item__title a")}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_lists_coming_events_and_archives_past_ones(client, language):
    agenda = demo_page("page", "agenda", language)
    events = EventPage.objects.child_of(agenda)
    past = {event.url for event in events if event.is_past()}

    coming = linked_events(client, agenda.url)

    assert past == linked_events(client, agenda.url + "past/")
    assert coming and not coming & past
    for url in coming | past:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_menu_leads_to_the_agenda_and_the_board_of_the_readers_language(
    client, language
):
    agenda = demo_page("page", "agenda", language)
    board = demo_page("page", "opportunities", language)
    home = demo_page("page", "home", language)

    nav = html_of(client, home.url).select_one(".main-nav nav")

    links = [link["href"] for link in nav.select("a")]
    assert agenda.url in links
    assert board.url in links
