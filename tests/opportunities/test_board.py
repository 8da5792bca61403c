"""The opportunities board: open calls only, soonest to close first, filtered by kind, language
and skill; closed calls leave the board, the search and the sitemap by themselves, the day after
their closing date; the closing dates as a feed calendars import without duplicates."""

import datetime
import json

import icalendar
import pytest
import time_machine
from bs4 import BeautifulSoup

from opportunities.choices import CallLanguage, OpportunityKind
from opportunities.closing import closes_at
from tests.directory.factories import trade
from tests.home.factories import build_site_tree
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.opportunities.factories import (
    OpportunityBoardPageFactory,
    OpportunityPageFactory,
    in_days,
)
from tests.translations.factories import translate_into_all

BOARD_TITLES = {"fr": "Opportunités", "nl": "Kansen", "en": "Opportunities"}


@pytest.fixture(scope="module")
def board(shared_data):
    with shared_data():
        tree = build_site_tree()
        contact = ContactPageFactory(parent=tree.home["fr"])
        brussels = OfficePageFactory(parent=contact, title="Smart Bruxelles", slug="bruxelles")
        sound = trade("Ingénieur du son", nl="Geluidstechnicus", en="Sound engineer")
        board = OpportunityBoardPageFactory(parent=tree.home["fr"])
        grant = OpportunityPageFactory(parent=board, title="Bourse d'écriture théâtrale")
        job = OpportunityPageFactory(
            parent=board,
            title="Régisseur son pour une tournée",
            kind=OpportunityKind.JOB,
            organisation="Compagnie du Rivage",
            closes_on=in_days(5),
            office=brussels,
        )
        job.skills = [sound]
        job.save_revision().publish()
        dutch_call = OpportunityPageFactory(
            parent=board,
            title="Projectoproep voor podcastmakers",
            kind=OpportunityKind.CALL_FOR_PROJECTS,
            summary="Een Vlaams fonds steunt podcasts over werk en ambacht.",
            call_language=CallLanguage.DUTCH,
            closes_on=in_days(0),
        )
        closed = OpportunityPageFactory(
            parent=board,
            title="Bourse d'écriture radiophonique",
            closes_on=in_days(-1),
        )
        boards = translate_into_all(
            board,
            {"nl": {"Opportunités": "Kansen"}, "en": {"Opportunités": "Opportunities"}},
        )
        grants = translate_into_all(
            grant,
            {
                "nl": {"Bourse d'écriture théâtrale": "Beurs voor toneelschrijven"},
                "en": {"Bourse d'écriture théâtrale": "Playwriting grant"},
            },
        )
        jobs = translate_into_all(
            job,
            {
                "nl": {"Régisseur son pour une tournée": "Geluidsregisseur voor een tournee"},
                "en": {"Régisseur son pour une tournée": "Sound manager for a tour"},
            },
        )
        yield {
            "boards": boards,
            "grants": grants,
            "jobs": jobs,
            "job": job,
            "dutch_call": dutch_call,
            "closed": closed,
            "sound": sound,
        }


def page_html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(html):
    return [a.get_text(strip=True) for a in html.select(".event-item__title a")]


@pytest.mark.django_db
def test_the_board_lists_open_calls_soonest_to_close_first(client, board):
    titles = listed_titles(page_html(client, board["boards"]["fr"].url))

    # The Dutch call closes tonight: still open today.
    assert titles == [
        "Projectoproep voor podcastmakers",
        "Régisseur son pour une tournée",
        "Bourse d'écriture théâtrale",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "job"}, ["Régisseur son pour une tournée"]),
        ({"language": "nl"}, ["Projectoproep voor podcastmakers"]),
        ({"kind": "grant", "language": "nl"}, []),
    ],
)
def test_the_board_filters_by_kind_and_language_of_the_call(client, board, params, expected):
    assert listed_titles(page_html(client, board["boards"]["fr"].url, **params)) == expected


@pytest.mark.django_db
def test_the_board_filters_by_skill_in_every_language(client, board):
    sound = board["sound"]
    for language in ["fr", "nl", "en"]:
        skill = sound.get_translation(board["boards"][language].locale)
        html = page_html(client, board["boards"][language].url, skill=skill.pk)
        assert listed_titles(html) == [board["jobs"][language].title], language


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"kind": "concert"},
        {"language": "xx"},
        {"skill": "abc"},
        {"skill": "99999999"},
        {"skill": "١"},
        {"page": "0"},
        {"page": "7"},
    ],
)
def test_an_unknown_filter_is_a_not_found_page_not_an_error(client, board, params):
    assert client.get(board["boards"]["fr"].url, params).status_code == 404


@pytest.mark.django_db
def test_a_skill_of_another_language_is_not_a_filter(client, board):
    dutch = board["sound"].get_translation(board["boards"]["nl"].locale)

    assert client.get(board["boards"]["fr"].url, {"skill": dutch.pk}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_board_is_in_every_language(client, board, language):
    html = page_html(client, board["boards"][language].url)

    assert html.h1.get_text(strip=True) == BOARD_TITLES[language]
    assert html.select_one("html")["lang"].startswith(language)
    assert board["grants"][language].title in listed_titles(html)


@pytest.mark.django_db
def test_a_job_carries_job_posting_data_and_a_grant_none(client, board):
    job = page_html(client, board["job"].url)
    grant = page_html(client, board["grants"]["fr"].url)

    data = next(
        json.loads(script.string)
        for script in job.select('script[type="application/ld+json"]')
        if json.loads(script.string).get("@type") == "JobPosting"
    )
    assert data["title"] == "Régisseur son pour une tournée"
    assert data["hiringOrganization"]["name"] == "Compagnie du Rivage"
    assert data["validThrough"].startswith((in_days(6)).isoformat())
    assert data["jobLocation"]["address"]["addressLocality"]
    types = [
        json.loads(script.string).get("@type")
        for script in grant.select('script[type="application/ld+json"]')
    ]
    assert "JobPosting" not in types


@pytest.mark.django_db
def test_a_closed_call_says_so_and_asks_search_engines_to_leave_it(client, board):
    html = page_html(client, board["closed"].url)

    assert html.select_one(".callout") is not None
    assert "noindex" in html.select_one('meta[name="robots"]')["content"]
    assert not html.select('a[href*="language-help"]')


@pytest.mark.django_db
def test_closed_calls_leave_the_search_and_the_sitemap(client, board):
    html = page_html(client, "/fr/search/", q="bourse écriture")
    found = [link.get_text(strip=True) for link in html.select(".search-result a")]
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "Bourse d'écriture théâtrale" in found
    assert "Bourse d'écriture radiophonique" not in found
    assert board["grants"]["fr"].url in sitemap
    assert board["closed"].url not in sitemap


@pytest.mark.django_db
def test_a_call_leaves_the_board_and_the_search_the_day_after_its_closing_date(client, board):
    board_url = board["boards"]["fr"].url
    tomorrow = datetime.datetime.combine(in_days(1), datetime.time(0, 1), tzinfo=datetime.UTC)
    with time_machine.travel(tomorrow + datetime.timedelta(hours=1), tick=False):
        titles = listed_titles(page_html(client, board_url))
        html = page_html(client, "/nl/search/", q="podcastmakers")

    assert "Projectoproep voor podcastmakers" not in titles
    assert titles == ["Régisseur son pour une tournée", "Bourse d'écriture théâtrale"]
    assert "Projectoproep voor podcastmakers" not in html.get_text()


@pytest.mark.django_db
def test_the_board_is_kept_in_caches_no_longer_than_its_first_call_is_open(client, board):
    response = client.get(board["boards"]["fr"].url)
    call = client.get(board["job"].url)

    # The Dutch call closes at midnight tonight, Brussels time; the job in five days.
    assert response.page_cache_expires == closes_at(board["dutch_call"])
    assert call.page_cache_expires == closes_at(board["job"])


def feed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_the_closing_dates_feed_holds_each_open_call_on_its_last_day(client, board):
    calendar = feed(client, board["boards"]["fr"].url + "closing-dates/")

    entries = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(entries) == {
        "Date limite : Projectoproep voor podcastmakers",
        "Date limite : Régisseur son pour une tournée",
        "Date limite : Bourse d'écriture théâtrale",
    }
    job = next(event for title, event in entries.items() if title.endswith("tournée"))
    assert job.decoded("dtstart") == in_days(5)
    assert job.decoded("dtend") == in_days(6)
    assert str(job["url"]).endswith(board["job"].url)


@pytest.mark.django_db
def test_the_feed_imported_twice_and_in_two_languages_gives_each_call_once(client, board):
    french = feed(client, board["boards"]["fr"].url + "closing-dates/")
    again = feed(client, board["boards"]["fr"].url + "closing-dates/")
    english = feed(client, board["boards"]["en"].url + "closing-dates/")

    def uids(calendar):
        return sorted(str(event["uid"]) for event in calendar.walk("VEVENT"))

    assert uids(french) == uids(again)
    # The English board has the grant's translation only: the same UID as the French grant.
    assert set(uids(english)) <= set(uids(french))
    assert f"{board['grants']['fr'].translation_key}@opportunities.smart.coop" in uids(english)


@pytest.mark.django_db
def test_the_closing_dates_feed_follows_the_skill_chosen(client, board):
    calendar = feed(client, board["boards"]["fr"].url + "closing-dates/", skill=board["sound"].pk)

    assert [str(event["uid"]) for event in calendar.walk("VEVENT")] == [
        f"{board['job'].translation_key}@opportunities.smart.coop"
    ]


@pytest.mark.django_db
def test_opportunities_are_found_by_the_search_as_opportunities(client, board):
    html = page_html(client, "/en/search/", q="playwriting")

    result = next(
        item for item in html.select(".search-result") if "Playwriting grant" in item.get_text()
    )
    assert "Opportunity" in result.get_text()
