"""The member directory as members and a moderator use it, in Chromium against the demo site.

A member signs in through the identity provider (a real OpenID Connect provider on 127.0.0.1),
writes a profile; a moderator approves it in the admin; another member finds it by its trade
typed in Dutch and writes through the relay; the first member downloads their data, then erases
it, and the profile is gone from the directory, the search and the sitemap.
"""

import json
import re

from django.db.models import Q
from playwright.sync_api import expect

from directory.models import ContactMessage, MemberProfile, Skill
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import WIDTHS
from tests.e2e.member_sign_in import sign_in_through_provider
from tests.e2e.staff import create_staff_member, log_in
from workflows.roles import MODERATORS

MESSAGE = "Bonjour, je prépare un festival à Namur en mai : seriez-vous libre pour l'affiche ?"


def a_trade_named_in_french_and_dutch():
    """A trade of the demo list with its French and Dutch names: (French, Dutch)."""
    for french in Skill.objects.filter(kind=Skill.TRADE, locale__language_code="fr"):
        dutch = Skill.objects.filter(
            translation_key=french.translation_key, locale__language_code="nl"
        ).first()
        # A Dutch name that is no French word too, so the search must cross languages.
        if dutch and dutch.name.casefold() != french.name.casefold():
            return french.name, dutch.name
    raise AssertionError("The demo site has no trade translated into Dutch.")


def test_members_find_each_other_and_a_member_erases_their_data(open_context, live_site):
    french_trade, dutch_trade = a_trade_named_in_french_and_dutch()
    moderator = create_staff_member("directory-moderator", MODERATORS)

    # A member signs in on a phone and lists herself.
    ana = open_context(width=WIDTHS["phone"]).new_page()
    sign_in_through_provider(ana, live_site.url, "ana.journey")
    ana.goto("/fr/members/me/")
    ana.locator("a[href$='/members/me/edit/']").first.click()
    assert not axe_violations(ana), describe(axe_violations(ana))
    ana.locator("#id_display_name").fill("Ana Journey")
    ana.locator("#id_trade").select_option(label=french_trade)
    ana.locator("#id_city").fill("Namur")
    ana.locator("#id_bio").fill("Je dessine des affiches pour des festivals et des théâtres.")
    ana.locator("#id_consent").check()
    ana.locator("form.member-form button[type='submit']:not([name])").last.click()
    expect(ana).to_have_url("/fr/members/me/")
    assert not axe_violations(ana), describe(axe_violations(ana))
    profile = MemberProfile.objects.get(display_name="Ana Journey")
    assert not profile.live

    # The moderator finds it in "Awaiting your review" and approves it.
    review = open_context().new_page()
    log_in(review, moderator)
    review.get_by_role("link", name="Ana Journey").first.click()
    expect(review).to_have_url(f"/admin/snippets/directory/memberprofile/edit/{profile.pk}/")
    review.get_by_role("button", name="More actions").click()
    # "Approve and publish": the first of the review task's actions (workflows/models.py).
    review.get_by_role("button", name=re.compile(r"^Approve")).first.click()
    expect(review.locator(".messages")).to_be_visible()
    profile.refresh_from_db()
    assert profile.live

    # Another member looks for the trade in Dutch, finds her, and writes to her.
    ben = open_context().new_page()
    sign_in_through_provider(ben, live_site.url, "ben.journey")
    ben.goto("/nl/members/")
    ben.locator("#member-q").fill(dutch_trade)
    ben.locator("form.member-search button[type='submit']").click()
    ben.get_by_role("link", name="Ana Journey").click()
    ben.locator(f"a[href$='/members/{profile.pk}/write/']").click()
    assert not axe_violations(ben), describe(axe_violations(ben))
    ben.locator("#id_body").fill(MESSAGE)
    ben.locator("main form[method='post'] button[type='submit']").click()
    expect(ben).to_have_url(f"/nl/members/{profile.pk}/")
    assert ContactMessage.objects.filter(recipient=profile, body=MESSAGE).exists()

    # She downloads her data, then erases it.
    exported = ana.request.get("/fr/members/me/export/")
    assert exported.ok
    assert json.loads(exported.text())["profile"]["listed_version"]["display_name"] == (
        "Ana Journey"
    )
    ana.goto("/fr/members/me/erase/")
    ana.locator("#erase-confirm").check()
    ana.locator("main form[method='post'] button[type='submit']").click()
    expect(ana).to_have_url("/fr/members/me/")
    assert not MemberProfile.objects.filter(Q(pk=profile.pk) | Q(display_name="Ana Journey"))
    assert not ContactMessage.objects.filter(body=MESSAGE).exists()

    # Gone everywhere, at once.
    assert ben.goto(f"/nl/members/{profile.pk}/").status == 404
    ben.goto(f"/nl/members/?q={dutch_trade}")
    expect(ben.get_by_text("Ana Journey")).to_have_count(0)
    ben.goto(f"/nl/search/?q={dutch_trade}")
    expect(ben.get_by_text("Ana Journey")).to_have_count(0)
    sitemap = ben.request.get("/sitemap.xml").text()
    assert f"/members/{profile.pk}/" not in sitemap
