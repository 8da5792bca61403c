"""Guides have an owner and a review-by date; "Guides to review" (a report) lists overdue ones.

Three guides, built once for the module in French and translated into Dutch and English, all
reviewed a month ago and due in a month; each test moves the dates of the guides it is about.
Every test runs at noon in Brussels on TODAY: a date taken from the clock when the module is
imported is yesterday's for a test run after midnight, and the report then lists tomorrow's guide.
"""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from wagtail.users.models import UserProfile

from guides.models import GuidePage
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

REPORT = reverse("guides:overdue_report")
TODAY = datetime.date(2026, 6, 15)
NOON_IN_BRUSSELS = datetime.datetime.combine(
    TODAY, datetime.time(12), tzinfo=ZoneInfo("Europe/Brussels")
)
GUIDES = {
    "expense-claims": "Déclarer ses frais",
    "insurance": "Vos assurances",
    "first-contract": "Votre premier contrat",
}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def noon_in_brussels_on_today():
    with time_machine.travel(NOON_IN_BRUSSELS):
        yield


@pytest.fixture(scope="module")
def guides(shared_data):
    """{key: {language: guide}}, none of them due for review."""
    with shared_data():
        home = build_site_tree().home
        path = PathPageFactory(parent=home["fr"])
        built = {
            key: {
                "fr": GuidePageFactory(
                    parent=path,
                    title=title,
                    last_reviewed=TODAY - datetime.timedelta(days=30),
                    review_by=TODAY + datetime.timedelta(days=30),
                )
            }
            for key, title in GUIDES.items()
        }
        for language in ["nl", "en"]:
            translate(path, language)
            for guide in built.values():
                guide[language] = translate(guide["fr"], language)
        yield built


def listed(client, **filters):
    response = client.get(REPORT, filters)
    assert response.status_code == 200
    return {(guide.title, guide.locale.language_code) for guide in response.context["object_list"]}


@pytest.fixture
def set_dates(guides):
    def set_dates(key, language, **dates):
        guide = guides[key][language]
        GuidePage.objects.filter(pk=guide.pk).update(**dates)
        return GuidePage.objects.get(pk=guide.pk)

    return set_dates


def test_guides_reviewed_recently_are_not_listed(admin_client, guides):
    assert listed(admin_client) == set()
    assert "Aucun guide n&#x27;est à revoir." in admin_client.get(REPORT).content.decode()


def test_a_guide_past_its_review_by_date_is_listed_and_one_not_yet_due_is_not(
    admin_client, set_dates
):
    late = set_dates("expense-claims", "fr", review_by=TODAY - datetime.timedelta(days=1))
    due_today = set_dates("insurance", "fr", review_by=TODAY)
    later = set_dates("first-contract", "fr", review_by=TODAY + datetime.timedelta(days=1))
    found = listed(admin_client)
    assert (late.title, "fr") in found
    assert (due_today.title, "fr") in found
    assert (later.title, "fr") not in found


def test_without_a_review_by_date_a_guide_is_due_a_year_after_its_last_review(
    admin_client, set_dates
):
    stale = set_dates(
        "expense-claims", "nl", last_reviewed=TODAY - datetime.timedelta(days=400), review_by=None
    )
    recent = set_dates(
        "insurance", "nl", last_reviewed=TODAY - datetime.timedelta(days=300), review_by=None
    )
    found = listed(admin_client)
    assert (stale.title, "nl") in found
    assert (recent.title, "nl") not in found


def test_a_review_by_date_overrides_the_yearly_default(admin_client, set_dates):
    guide = set_dates(
        "expense-claims",
        "en",
        last_reviewed=TODAY - datetime.timedelta(days=400),
        review_by=TODAY + datetime.timedelta(days=30),
    )
    assert (guide.title, "en") not in listed(admin_client)


def test_a_guide_never_reviewed_is_listed_first(admin_client, set_dates):
    set_dates("expense-claims", "fr", review_by=TODAY - datetime.timedelta(days=3))
    never = set_dates("insurance", "fr", last_reviewed=None, review_by=None)
    response = admin_client.get(REPORT)
    assert response.context["object_list"][0].title == never.title


def test_the_report_filters_by_language(admin_client, set_dates):
    guides = {
        language: set_dates(
            "expense-claims", language, review_by=TODAY - datetime.timedelta(days=1)
        )
        for language in ("fr", "nl", "en")
    }
    for language in ("fr", "nl", "en"):
        found = listed(admin_client, language=language)
        assert found == {(guides[language].title, language)}


def test_the_report_filters_by_owner_and_shows_the_owner(
    admin_client, django_user_model, set_dates
):
    owner = django_user_model.objects.create_user("lea", first_name="Léa", password="x-long-pw-1")
    mine = set_dates(
        "expense-claims", "nl", content_owner=owner, review_by=TODAY - datetime.timedelta(days=9)
    )
    theirs = set_dates("insurance", "nl", review_by=TODAY - datetime.timedelta(days=9))
    assert listed(admin_client, owner=owner.pk) == {(mine.title, "nl")}
    assert listed(admin_client, no_owner="true") == {(theirs.title, "nl")}
    assert "lea" in admin_client.get(REPORT).content.decode()


def test_an_unknown_owner_in_the_filter_is_a_form_error_not_a_server_error(admin_client):
    response = admin_client.get(REPORT, {"owner": "999999"})
    assert response.status_code == 200
    assert response.context["filters"].errors


@pytest.mark.parametrize(
    ("language", "label"), [("fr", "Guides à revoir"), ("en", "Guides to review")]
)
def test_the_report_is_in_the_reports_menu(admin_client, admin_user, language, label):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The admin menu travels as JSON, where "à" is written \u00e0.
    assert json.dumps(label)[1:-1] in html
    assert REPORT in html


def test_editors_set_the_review_by_date_in_the_guide_editor(admin_client, guides):
    guide = guides["expense-claims"]["fr"]
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert 'name="review_by"' in html
    assert 'name="content_owner"' in html
