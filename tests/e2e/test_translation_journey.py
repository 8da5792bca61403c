"""A Dutch translator changes one segment of a guide's translation in wagtail-localize's editor,
publishes it, and members see it on /nl/.

wagtail-localize's editor is a React app with generated class names: the test finds segments by
the French text they translate and buttons by their labels.
"""

import re

from playwright.sync_api import expect

from tests.e2e.staff import create_staff_member, log_in, translators_group
from tests.pages import demo_page

NEW_TRANSLATION = "Verzamel alle gegevens van uw klant"


def test_dutch_translator_translates_a_guide_segment_and_publishes_it_on_nl(open_context):
    source = demo_page("guide", "invoicing-a-client", "fr")
    translation = demo_page("guide", "invoicing-a-client", "nl")
    group = translators_group("Dutch translators", demo_page("page", "home", "nl"))
    translator = create_staff_member("joke", group)

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
    admin.get_by_role("button", name="Publish in Nederlands").click()
    expect(admin.locator(".messages")).to_contain_text(
        f"Published '{translation.title}' in Nederlands"
    )

    member = open_context().new_page()
    member.goto(translation.url)
    expect(member).to_have_url(re.compile(r"/nl/"))
    expect(member.get_by_role("heading", name=re.compile(NEW_TRANSLATION))).to_be_visible()
