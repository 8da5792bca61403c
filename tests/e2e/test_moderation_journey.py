"""Communications staff edit a step of a guide, preview it and submit it for moderation; a
moderator approves it and members see the change.

The groups and the "Moderators approval" workflow are the ones the roles migration made: the test
only creates the two people.
"""

import re

from playwright.sync_api import expect

from tests.e2e.staff import create_staff_member, log_in
from tests.pages import demo_page
from workflows.roles import COMMUNICATION, MODERATORS

NEW_STEP_TITLE = "Vérifier le calcul de votre salaire"


def step_heading(page_or_frame, title):
    # A step's heading reads "Étape 2 : <title>"; the number is not what changed.
    return page_or_frame.get_by_role("heading", name=re.compile(re.escape(title)))


def test_staff_edit_preview_and_submit_a_guide_step_and_a_moderator_approves_it(open_context):
    guide = demo_page("guide", "getting-paid", "fr")
    old_step_title = guide.steps[1].value["title"]
    editor = create_staff_member("camille", COMMUNICATION)
    moderator = create_staff_member("mod", MODERATORS)

    staff = open_context().new_page()
    log_in(staff, editor)
    staff.goto(f"/admin/pages/{guide.pk}/edit/")
    staff.locator("input[name='steps-1-value-title']").fill(NEW_STEP_TITLE)
    staff.get_by_role("button", name="Toggle preview").click()
    preview = staff.frame_locator("#w-preview-iframe")
    expect(step_heading(preview, NEW_STEP_TITLE)).to_be_visible()
    # Guides are published by a moderator: the editor has no Publish button, only the workflow.
    staff.get_by_role("button", name="More actions").click()
    expect(staff.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    staff.get_by_role("button", name="Submit to Moderators approval").click()
    expect(staff.locator(".messages")).to_contain_text("submitted for moderation")

    member = open_context().new_page()
    member.goto(guide.url)
    expect(step_heading(member, old_step_title)).to_be_visible()

    review = open_context().new_page()
    log_in(review, moderator)
    review.get_by_role("link", name=guide.title).first.click()
    expect(review).to_have_url(f"/admin/pages/{guide.pk}/edit/")
    review.get_by_role("button", name="More actions").click()
    review.get_by_role("button", name="Approve and Publish").click()
    expect(review.locator(".messages")).to_contain_text("has been updated")

    member.reload()
    expect(step_heading(member, NEW_STEP_TITLE)).to_be_visible()
    expect(step_heading(member, old_step_title)).to_have_count(0)
