"""A Dutch translator changes one segment of a guide's translation in wagtail-localize's editor
and submits it for review; a second Dutch translator approves it, and members see it on /nl/.

Both are in the real "Translators NL" group of the roles migration. wagtail-localize's editor is
a React app with generated class names: the test finds segments by the French text they
translate and buttons by their labels.
"""

import re

from playwright.sync_api import expect

from tests.e2e.staff import create_staff_member, log_in
from tests.pages import demo_page
from workflows.roles import TRANSLATORS

NEW_TRANSLATION = "Verzamel alle gegevens van uw klant"


def test_dutch_translator_translates_a_guide_segment_and_a_second_translator_approves_it(
    open_context,
):
    source = demo_page("guide", "invoicing-a-client", "fr")
    translation = demo_page("guide", "invoicing-a-client", "nl")
    translator = create_staff_member("joke", TRANSLATORS["nl"])
    second_translator = create_staff_member("an", TRANSLATORS["nl"])

    admin = open_context().new_page()
    log_in(admin, translator)
    admin.goto(f"/admin/pages/{translation.pk}/edit/")
    expect(admin.get_by_text("Français to Nederlands translation").first).to_be_visible()

    # The innermost list item holding the French text is that segment's row.
    french = source.steps[1].value["title"]
    segment = admin.locator("li").filter(has=admin.get_by_text(french, exact=True)).last
    segment.get_by_role("button", name="Edit").click()
    segment.get_by_role("textbox").fill(NEW_TRANSLATION)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text(NEW_TRANSLATION, exact=True)).to_be_visible()
    # Translators do not publish: a second pair of eyes does.
    expect(admin.get_by_role("button", name="Publish in Nederlands")).to_have_count(0)

    admin.goto(f"/admin/pages/{translation.get_parent().pk}/")
    admin.get_by_role("button", name=f"More options for '{translation.title}'").click()
    admin.get_by_role("link", name="Submit the translation for review").click()
    admin.get_by_role("button", name="Submit for review").click()
    expect(admin.locator(".messages")).to_contain_text("submitted for review")

    member = open_context().new_page()
    member.goto(translation.url)
    expect(member.get_by_role("heading", name=re.compile(NEW_TRANSLATION))).to_have_count(0)

    review = open_context().new_page()
    log_in(review, second_translator)
    row = review.get_by_role("row").filter(has_text=translation.title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard comes back without the translation awaiting review.
    expect(review.get_by_role("row").filter(has_text=translation.title)).to_have_count(0)

    member.reload()
    expect(member).to_have_url(re.compile(r"/nl/"))
    expect(member.get_by_role("heading", name=re.compile(NEW_TRANSLATION))).to_be_visible()
