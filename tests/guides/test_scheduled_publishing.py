"""Go-live and expiry dates, in every language: set in the admin, carried out by Wagtail's
`publish_scheduled` command once the clock reaches them.

French guides are scheduled in Wagtail's page editor; Dutch and English translations, edited in
wagtail-localize's editor, when they are submitted for review. Each test builds one guide in
French and its Dutch and English translations.
"""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from guides.models import Level
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.translations.factories import translate
from tests.workflows.admin_steps import (
    guide_form,
    live_step_titles,
    logged_in,
    translate_first_step,
    workflow_action,
)
from tests.workflows.factories import staff_user

NEW_TITLES = {
    "fr": "Relisez le montant avant d'envoyer",
    "nl": "Lees het bedrag na voor u het verstuurt",
    "en": "Read the amount again before you send it",
}


@pytest.fixture
def guides(site_tree):
    """The live guide "Être payé" of Smart Facile in French, Dutch and English."""
    path = PathPageFactory(parent=site_tree.home["fr"], level=Level.FACILE)
    guide = GuidePageFactory(
        parent=path,
        title="Être payé",
        steps=[
            step("Vérifiez votre fiche de paie", "<p>Elle arrive le 10 du mois.</p>"),
            step("Posez vos questions", "<p>Le teamadmin vous répond.</p>"),
        ],
    )
    pages = {"fr": guide}
    for language in ["nl", "en"]:
        translate(path, language)
        pages[language] = translate(guide, language)
    return pages


def admin_time(moment):
    """A date and time as the admin's date-time picker writes it."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def publish_scheduled():
    call_command("publish_scheduled", verbosity=0)


def members_see(guide):
    response = Client().get(guide.url)
    return response.status_code == 200


def schedule(language, guide, **dates):
    """Set a guide's new first step and dates as each language's people do in the admin."""
    dates = {name: admin_time(moment) for name, moment in dates.items()}
    if language == "fr":
        moderator = logged_in(staff_user("moderator"))
        form = {**guide_form(guide, "action-publish", NEW_TITLES[language]), **dates}
        response = moderator.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), form)
        assert response.status_code == 302, response.context["form"].errors
        return
    translator = logged_in(staff_user("translator", languages=[language]))
    reviewer = logged_in(staff_user("translator", languages=[language]))
    translate_first_step(translator, guide, NEW_TITLES[language])
    url = reverse("translations:submit_for_review", args=[guide.pk])
    response = translator.post(url, dates)
    assert response.status_code == 302, response.context["form"].errors
    guide.refresh_from_db()
    workflow_action(reviewer, guide, "approve")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_change_scheduled_for_tomorrow_goes_live_tomorrow(guides, time_machine, language):
    guide = guides[language]
    before = live_step_titles(guide)
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    schedule(language, guide, go_live_at=tomorrow)
    publish_scheduled()
    assert live_step_titles(guide) == before

    time_machine.move_to(tomorrow + datetime.timedelta(minutes=5))
    publish_scheduled()
    assert live_step_titles(guide)[0] == NEW_TITLES[language]
    assert members_see(guide)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_guide_with_an_expiry_date_leaves_the_site_then(guides, time_machine, language):
    guide = guides[language]
    next_week = timezone.now() + datetime.timedelta(days=7)

    schedule(language, guide, expire_at=next_week)
    publish_scheduled()
    assert live_step_titles(guide)[0] == NEW_TITLES[language]
    assert members_see(guide)

    time_machine.move_to(next_week + datetime.timedelta(minutes=5))
    publish_scheduled()
    guide.refresh_from_db()
    assert not guide.live
    assert guide.expired
    assert not members_see(guide)


@pytest.mark.django_db
def test_an_expiry_date_in_the_past_is_refused_with_a_message(guides):
    guide = guides["nl"]
    translator = logged_in(staff_user("translator", languages=["nl"]))
    yesterday = timezone.now() - datetime.timedelta(days=1)

    response = translator.post(
        reverse("translations:submit_for_review", args=[guide.pk]),
        {"expire_at": admin_time(yesterday)},
    )

    assert response.status_code == 200
    assert "expire_at" in response.context["form"].errors
    guide.refresh_from_db()
    assert not guide.workflow_in_progress
