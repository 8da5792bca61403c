"""Smart Agora as members and a moderator use it, in Chromium against the demo site.

A member proposes her own event with places; a moderator approves it in the admin; another
member registers for it on his phone, gets the reminder with the date for his calendar and
subscribes to the office's calendar; the organiser sees him on her event's page. Then a member
who offered help with a language answers an opportunity's call for language help.
"""

import datetime

import icalendar
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPage, Registration
from events.reminders import send_reminders
from offices.models import OfficePage
from opportunities.closing import today_in_brussels
from opportunities.models import LanguageHelpOffer, OpportunityPage
from tests.directory.factories import listed_profile
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import WIDTHS
from tests.e2e.member_sign_in import sign_in_through_provider
from tests.e2e.staff import create_staff_member, log_in
from workflows.roles import MODERATORS

EVENT_TITLE = "Atelier ouvert de sérigraphie"
HELP_MESSAGE = "Je relis volontiers l'appel avec vous et je vérifie votre dossier avant l'envoi."


def test_a_members_event_is_approved_then_another_member_registers_and_subscribes(
    open_context, live_site
):
    office = OfficePage.objects.live().filter(locale__language_code="fr").order_by("title")[0]
    moderator = create_staff_member("agenda-moderator", MODERATORS)
    day = timezone.localdate() + datetime.timedelta(days=12)

    # A member proposes her open studio, on her phone.
    ana = open_context(width=WIDTHS["phone"]).new_page()
    sign_in_through_provider(ana, live_site.url, "ana.agenda")
    ana.goto("/fr/agenda/")
    ana.locator("main a[href$='/events/propose/']").click()
    assert not axe_violations(ana), describe(axe_violations(ana))
    ana.locator("#id_title").fill(EVENT_TITLE)
    ana.locator("#id_summary").fill(
        "Venez imprimer votre propre affiche en sérigraphie : je montre chaque geste."
    )
    ana.locator("#id_day").fill(day.isoformat())
    ana.locator("#id_starts").fill("14:00")
    ana.locator("#id_ends").fill("17:00")
    ana.locator("#id_office").select_option(value=str(office.pk))
    ana.locator("#id_places").fill("6")
    ana.locator("#id_organiser_email").fill("ana.agenda@members.example")
    ana.locator("form.member-form button[type='submit']").click()
    event = EventPage.objects.get(title=EVENT_TITLE)
    expect(ana).to_have_url(f"/fr/events/proposals/{event.pk}/")
    assert not event.live

    # A moderator finds it in the review queue and approves it.
    review = open_context().new_page()
    log_in(review, moderator)
    review.get_by_role("link", name=EVENT_TITLE).first.click()
    expect(review).to_have_url(f"/admin/pages/{event.pk}/edit/")
    review.get_by_role("button", name="More actions").click()
    review.get_by_role("button", name="Approve and Publish").click()
    expect(review.locator(".messages")).to_be_visible()
    event.refresh_from_db()
    assert event.live

    # Another member finds it in his office's agenda and registers, on his phone.
    ben = open_context(width=WIDTHS["phone"]).new_page()
    ben.goto(f"/fr/agenda/?office={office.slug}")
    ben.locator(".event-item__title a", has_text=EVENT_TITLE).first.click()
    ben.locator(".event__actions a", has_text="S'inscrire").click()
    ben.locator("#id_name").fill("Ben Journey")
    ben.locator("#id_email").fill("ben.journey@example.org")
    assert not axe_violations(ben), describe(axe_violations(ben))
    ben.locator("form.member-form button[type='submit']").click()
    registration = Registration.objects.get(email="ben.journey@example.org")
    expect(ben).to_have_url(f"/fr/events/registrations/{registration.token}/")

    # The day before, the reminder comes with the date for his calendar.
    mail.outbox.clear()
    assert send_reminders(now=registration.starts_at - datetime.timedelta(hours=20)) >= 1
    reminder = next(m for m in mail.outbox if m.to == ["ben.journey@example.org"])
    (vevent,) = icalendar.Calendar.from_ical(reminder.attachments[0][1]).walk("VEVENT")
    assert vevent["DTSTART"].dt == registration.starts_at

    # He subscribes to the office's calendar: the new event is in it, once, import after import.
    ben.goto(f"/fr/agenda/?office={office.slug}")
    feed_url = ben.locator("a", has_text="S'abonner à ces événements").get_attribute("href")
    first = icalendar.Calendar.from_ical(ben.request.get(feed_url).body())
    again = icalendar.Calendar.from_ical(ben.request.get(feed_url).body())
    uids = [str(component["UID"]) for component in first.walk("VEVENT")]
    assert uids.count(f"{event.translation_key}@agenda.smart.coop") == 1
    assert uids == [str(component["UID"]) for component in again.walk("VEVENT")]

    # The organiser sees who is coming.
    ana.goto(f"/fr/events/proposals/{event.pk}/")
    expect(ana.locator("main")).to_contain_text("Ben Journey")
    assert not axe_violations(ana), describe(axe_violations(ana))


def a_call_looking_for_language_help():
    """An open French-site opportunity whose poster looks for help with its language."""
    call = (
        OpportunityPage.objects.live()
        .filter(
            locale__language_code="fr",
            language_help_wanted=True,
            closes_on__gte=today_in_brussels(),
        )
        .exclude(call_language="fr")
        .order_by("closes_on")
        .first()
    )
    assert call is not None, "The demo board has no open call looking for language help."
    return call


def test_a_member_answers_a_call_for_language_help(open_context, live_site):
    call = a_call_looking_for_language_help()

    # A member whose approved directory profile offers help with the call's language.
    an = open_context(width=WIDTHS["phone"]).new_page()
    sign_in_through_provider(an, live_site.url, "an.helper")
    user = get_user_model().objects.get(email="an.helper@members.example")
    listed_profile(user, display_name="An Helper", can_help_with=call.call_language)

    # She finds the call on the board by its language, and sees herself among the helpers.
    an.goto(f"{call.get_parent().url}?language={call.call_language}")
    assert not axe_violations(an), describe(axe_violations(an))
    an.locator(".event-item__title a", has_text=call.title).first.click()
    help_section = an.locator("section", has=an.locator("#language-help"))
    expect(help_section).to_contain_text("An Helper")
    assert not axe_violations(an), describe(axe_violations(an))

    # She answers the call for help; whoever asked gets her message.
    help_section.locator(f"a[href$='/opportunities/{call.pk}/language-help/']").click()
    assert not axe_violations(an), describe(axe_violations(an))
    an.locator("#id_message").fill(HELP_MESSAGE)
    an.locator("main form[method='post'] button[type='submit']").click()
    expect(an).to_have_url(call.url)
    expect(an.locator("main")).to_contain_text("Merci")
    offer = LanguageHelpOffer.objects.get(helper=user)
    assert offer.opportunity_key == call.translation_key
    assert offer.message == HELP_MESSAGE
