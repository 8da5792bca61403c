"""The demo's opportunities board: ten opportunities in three languages, of every kind, calls in
other languages than French, calls asking for language help, open and closed ones; the board and
its closing-dates feed show the open ones only; a second run changes nothing.

These read the demo content as a whole: the module is marked `demo_site`, so the demo site is
loaded once for it (tests/conftest.py).
"""

import collections
import io

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Revision
from wagtail_localize.models import Translation

from demo.sources import demo_key, read
from directory.models import Skill
from offices.models import OfficePage
from opportunities.closing_dates import UID_DOMAIN
from opportunities.models import OpportunityBoardPage, OpportunityPage
from tests.pages import LANGUAGES, demo_page

pytestmark = pytest.mark.demo_site

OPPORTUNITY_FIELDS = [
    "pk",
    "locale_id",
    "translation_key",
    "title",
    "slug",
    "live",
    "kind",
    "summary",
    "organisation",
    "closes_on",
    "call_language",
    "language_help_wanted",
    "office_id",
    "apply_url",
    "contact_email",
]
# What the call is, when it closes and whom it concerns: the call's, whatever the language.
SYNCHRONISED_FIELDS = [
    "kind",
    "organisation",
    "closes_on",
    "call_language",
    "language_help_wanted",
    "office_id",
    "apply_url",
    "contact_email",
]


def snapshot():
    opportunity_skills = OpportunityPage._meta.get_field("skills").remote_field.through
    return {
        "boards": sorted(
            OpportunityBoardPage.objects.values_list("pk", "locale_id", "title", "slug", "intro")
        ),
        "opportunities": sorted(OpportunityPage.objects.values_list(*OPPORTUNITY_FIELDS)),
        "skills": sorted(
            opportunity_skills.objects.values_list("pk", "opportunitypage_id", "skill_id")
        ),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
    }


def opportunities_of(language):
    return list(OpportunityPage.objects.filter(locale__language_code=language))


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_a_second_run_creates_and_changes_nothing_on_the_board():
    before = snapshot()

    call_command("load_demo", stdout=io.StringIO())

    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_board_is_live_in_every_language_with_its_ten_opportunities(language):
    board = demo_page("page", "opportunities", language)

    assert isinstance(board, OpportunityBoardPage)
    assert board.live and board.intro and board.show_in_menus
    assert board.get_parent().specific == demo_page("page", "home", language)
    opportunities = OpportunityPage.objects.child_of(board)
    assert opportunities.count() == opportunities.live().count() == 10
    assert set(opportunities.values_list("locale__language_code", flat=True)) == {language}
    assert not OpportunityPage.objects.filter(proposed_by__isnull=False).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_and_english_opportunities_are_live_translations_in_their_own_words(language):
    board = demo_page("page", "opportunities", language)
    source_board = demo_page("page", "opportunities")
    assert (board.title, board.slug, board.intro) != (
        source_board.title,
        source_board.slug,
        source_board.intro,
    )
    for source in opportunities_of("fr"):
        opportunity = OpportunityPage.objects.get(
            translation_key=source.translation_key, locale__language_code=language
        )
        translation = Translation.objects.get(
            source__object_id=source.translation_key, target_locale=opportunity.locale
        )
        assert translation.get_target_instance().pk == opportunity.pk
        assert opportunity.live and not opportunity.has_unpublished_changes, opportunity
        assert opportunity.title != source.title
        assert opportunity.slug != source.slug
        assert opportunity.summary != source.summary
        assert len(opportunity.body) == len(source.body)
        assert all(
            ours.value.source != theirs.value.source
            for ours, theirs in zip(opportunity.body, source.body, strict=True)
        ), opportunity
        for field in SYNCHRONISED_FIELDS:
            assert getattr(opportunity, field) == getattr(source, field), (opportunity, field)
        assert set(opportunity.skills.all()) == set(source.skills.all())


@pytest.mark.django_db
def test_the_board_mixes_kinds_call_languages_language_help_and_closed_calls():
    opportunities = opportunities_of("fr")
    closed = [opportunity for opportunity in opportunities if not opportunity.is_open()]
    still_open = [opportunity for opportunity in opportunities if opportunity.is_open()]
    help_wanted = [opportunity for opportunity in opportunities if opportunity.language_help_wanted]

    assert collections.Counter(opportunity.kind for opportunity in opportunities) == {
        "call-for-projects": 3,
        "grant": 3,
        "job": 2,
        "collaboration": 2,
    }
    other_languages = [o for o in opportunities if o.call_language != "fr"]
    assert len(other_languages) >= 3
    assert {o.call_language for o in other_languages} == {"nl", "en", "de"}
    assert len(help_wanted) >= 3
    assert all(o.call_language in {"fr", "nl", "en"} and o.contact_email for o in help_wanted)
    assert any(o.is_open() for o in help_wanted)
    assert len(closed) == 2
    assert len({o.closes_on for o in still_open}) == len(still_open)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_opportunity_passes_the_checks_an_editor_would_meet(language):
    for opportunity in opportunities_of(language):
        opportunity.full_clean()
        assert len(opportunity.summary) <= 300, opportunity


@pytest.mark.django_db
def test_every_opportunity_points_to_skills_and_offices_that_exist():
    for opportunity in OpportunityPage.objects.all():
        if opportunity.office_id:
            office = OfficePage.objects.live().get(pk=opportunity.office_id)
            assert office.locale.language_code == "fr"
        for skill in opportunity.skills.all():
            assert Skill.objects.filter(pk=skill.pk, locale__language_code="fr").exists()
        assert not opportunity.apply_url or opportunity.apply_url.startswith("https://example.org/")
        assert not opportunity.contact_email or opportunity.contact_email.endswith("@example.org")

    for item in read("opportunities.toml")["opportunities"]:
        opportunity = demo_page("opportunity", item["key"])
        assert set(opportunity.skills.values_list("translation_key", flat=True)) == {
            demo_key("skill", skill) for skill in item["skills"]
        }, item["key"]
        office = item.get("office")
        assert opportunity.office_id == (demo_page("office", office).pk if office else None)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_board_lists_exactly_the_open_opportunities(client, language):
    board = demo_page("page", "opportunities", language)
    opportunities = OpportunityPage.objects.child_of(board)
    still_open = {opportunity.url for opportunity in opportunities if opportunity.is_open()}
    closed = {opportunity.url for opportunity in opportunities if not opportunity.is_open()}

    listed = {link["href"] for link in html_of(client, board.url).select(".event-item__title a")}

    assert listed == still_open
    assert len(listed) == 8 and len(closed) == 2
    for url in listed:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_closed_opportunity_still_answers_and_points_back_to_the_board(client, language):
    board = demo_page("page", "opportunities", language)
    closed = [o for o in OpportunityPage.objects.child_of(board) if not o.is_open()]

    for opportunity in closed:
        callout = html_of(client, opportunity.url).select_one(".callout")
        assert callout is not None, opportunity
        assert board.url in [link["href"] for link in callout.select("a")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closing_dates_feed_holds_exactly_the_open_opportunities(client, language):
    board = demo_page("page", "opportunities", language)
    still_open = {
        f"{opportunity.translation_key}@{UID_DOMAIN}": opportunity.closes_on
        for opportunity in OpportunityPage.objects.child_of(board)
        if opportunity.is_open()
    }

    response = client.get(board.url + "closing-dates/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = {str(entry["uid"]): entry.decoded("dtstart") for entry in calendar.walk("VEVENT")}
    assert entries == still_open
