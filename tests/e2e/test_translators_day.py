"""A translator's day in the browser, and the ways round review that must stay shut.

- A Dutch translator starts a missing translation from the dashboard, machine-translates it,
  corrects a segment and submits it; a second Dutch translator approves; members read it.
- A French guide changes: its approval syncs the translations, the Dutch translator translates the
  new segment and submits it, a second translator approves, members read the new Dutch text.
- A Dutch translator trying wagtail-localize's own sync view on the French source is refused, and
  nothing reaches members.
"""

import re

from playwright.sync_api import expect
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from guides.models import GuidePage
from tests.e2e.staff import create_staff_member, log_in
from tests.pages import demo_page
from workflows.roles import MODERATORS, TRANSLATORS

NEW_GUIDE = {
    "title": "Déclarer un achat de matériel",
    "slug": "declarer-un-achat-de-materiel",
    "summary": "Comment déclarer un achat fait pour votre activité et être remboursé.",
    "step": "Gardez le ticket de caisse",
    "body": "Prenez le ticket en photo le jour même.",
}
CORRECTED_STEP = "Bewaar het kasticket"


def publish_new_french_guide():
    """A French guide nobody translated yet, as Communication would publish it after review."""
    parent = demo_page("path", "basic", "fr")
    guide = parent.add_child(
        instance=GuidePage(
            title=NEW_GUIDE["title"],
            slug=NEW_GUIDE["slug"],
            summary=NEW_GUIDE["summary"],
            steps=[
                (
                    "step",
                    {"title": NEW_GUIDE["step"], "body": f"<p>{NEW_GUIDE['body']}</p>", "tip": ""},
                )
            ],
        )
    )
    guide.save_revision().publish()
    return guide


def segment_row(page, french_text):
    # The innermost list item holding the French text is that segment's row.
    return page.locator("li").filter(has=page.get_by_text(french_text, exact=True)).last


def approve_from_dashboard(page, title):
    row = page.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_role("row").filter(has_text=title)).to_have_count(0)


def submit_from_the_editor(page):
    page.get_by_role("link", name="Submit the translation for review").first.click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")


def test_a_dutch_translator_starts_machine_translates_corrects_and_submits_and_a_second_approves(
    open_context,
):
    french = publish_new_french_guide()
    translator = create_staff_member("els", TRANSLATORS["nl"])
    second_translator = create_staff_member("pieter", TRANSLATORS["nl"])

    admin = open_context().new_page()
    log_in(admin, translator)
    admin.goto("/admin/translations/?state=missing")
    row = admin.get_by_role("row").filter(has_text=NEW_GUIDE["title"])
    row.get_by_role("button", name="Start the translation").click()
    expect(admin.get_by_text("Français to Nederlands translation").first).to_be_visible()

    admin.get_by_role("button", name="Translate with LibreTranslate").click()
    step = segment_row(admin, NEW_GUIDE["step"])
    expect(step.get_by_text(f"[nl] {NEW_GUIDE['step']}")).to_be_visible()
    step.get_by_role("button", name="Edit").click()
    step.get_by_role("textbox").fill(CORRECTED_STEP)
    step.get_by_role("button", name="Save").click()
    expect(step.get_by_text(CORRECTED_STEP, exact=True)).to_be_visible()
    # Nothing destructive as the main action: the translator submits for review.
    expect(admin.get_by_role("link", name="Convert to alias page")).to_have_count(0)
    submit_from_the_editor(admin)

    dutch = Page.objects.get(translation_key=french.translation_key, locale__language_code="nl")
    assert not dutch.live, "an unreviewed translation stays a draft"
    member = open_context().new_page()
    member.goto(french.url)
    # The switcher sends Dutch readers to their home page, with "not translated yet".
    expect(member.locator(f'a[href="{dutch.url}"]')).to_have_count(0)
    assert member.goto(dutch.url).status == 404

    review = open_context().new_page()
    log_in(review, second_translator)
    approve_from_dashboard(review, dutch.title)

    dutch.refresh_from_db()
    member.goto(dutch.url)
    expect(member).to_have_url(re.compile(r"/nl/"))
    expect(member.get_by_role("heading", name=re.compile(CORRECTED_STEP))).to_be_visible()


def test_an_approved_french_change_reaches_dutch_readers_only_after_its_own_review(open_context):
    guide = demo_page("guide", "expense-claims", "fr")
    dutch = demo_page("guide", "expense-claims", "nl")
    moderator = create_staff_member("moderator-day", MODERATORS)
    translator = create_staff_member("joke-day", TRANSLATORS["nl"])
    second_translator = create_staff_member("an-day", TRANSLATORS["nl"])
    new_summary = "Comment vous faire rembourser vos frais en moins d'une semaine."

    staff = open_context().new_page()
    log_in(staff, moderator)
    staff.goto(f"/admin/pages/{guide.pk}/edit/")
    staff.locator("textarea[name='summary']").fill(new_summary)
    staff.get_by_role("button", name="More actions").click()
    staff.get_by_role("button", name="Publish and sync translations").click()
    expect(staff.locator(".messages")).to_contain_text("Nederlands")

    member = open_context().new_page()
    member.goto(dutch.url)
    expect(member.locator(".outdated-translation")).to_be_visible()
    old_summary = dutch.summary
    expect(member.get_by_text(old_summary).first).to_be_visible()

    admin = open_context().new_page()
    log_in(admin, translator)
    admin.goto(f"/admin/pages/{dutch.pk}/edit/")
    summary = segment_row(admin, new_summary)
    summary.get_by_role("button", name=re.compile("Translate|Edit")).first.click()
    summary.get_by_role("textbox").fill("Zo krijgt u uw onkosten binnen een week terugbetaald.")
    summary.get_by_role("button", name="Save").click()
    submit_from_the_editor(admin)
    member.reload()
    expect(member.get_by_text(old_summary).first).to_be_visible()

    review = open_context().new_page()
    log_in(review, second_translator)
    approve_from_dashboard(review, dutch.title)

    member.reload()
    expect(member.get_by_text("binnen een week terugbetaald").first).to_be_visible()
    expect(member.locator(".outdated-translation")).to_have_count(0)


def test_a_dutch_translator_cannot_publish_through_wagtail_localizes_sync_view(open_context):
    guide = demo_page("guide", "getting-paid", "fr")
    dutch = demo_page("guide", "getting-paid", "nl")
    live_revision = dutch.live_revision_id
    # A French change the Dutch translation has not caught up with.
    guide.summary = "Ce qui se passe entre votre facture et votre salaire, pas à pas."
    guide.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(guide)
    translator = create_staff_member("intruder-nl", TRANSLATORS["nl"])

    admin = open_context().new_page()
    log_in(admin, translator)
    admin.goto(f"/admin/localize/update/{source.pk}/")

    expect(admin).to_have_url(re.compile(r"/admin/$"))
    expect(admin.locator(".messages")).to_contain_text("permission")
    dutch.refresh_from_db()
    assert dutch.live_revision_id == live_revision
