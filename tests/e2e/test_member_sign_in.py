"""A member signs in through the identity provider in Chromium, sees their name, signs out."""

from playwright.sync_api import expect

from tests.e2e.member_sign_in import sign_in_through_provider


def test_a_member_signs_in_through_the_provider_and_out_again(open_context, live_site):
    page = open_context().new_page()
    sign_in_through_provider(page, live_site.url, "nora.peeters", language="nl")
    expect(page.locator(".site-header__account .site-header__member")).to_have_text("Nora")
    page.locator(".site-header__account .site-header__sign-out button").click()
    expect(page).to_have_url(f"{live_site.url}/nl/")
    expect(page.locator(".site-header__account a[href*='/sign-in/']")).to_be_visible()
