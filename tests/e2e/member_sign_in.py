"""How a member signs in during the journeys: the header's "Sign in", the identity provider's
own login and consent pages (the test provider takes any login name), and back to the portal."""

from playwright.sync_api import expect


def sign_in_through_provider(page, base_url, login, language="fr"):
    """Sign `login` in from the home page of `language`; ends back on the portal, signed in."""
    page.goto(f"/{language}/")
    sign_in = page.locator(".site-header a[href*='/sign-in/']:visible")
    if not sign_in.count():
        # On a phone, "Sign in" is in the menu.
        page.locator(".main-nav__toggle").click()
    sign_in.click()
    page.locator("main a[href^='/oidc/authenticate/']").click()
    page.locator("input[name='login']").fill(login)
    page.locator("input[name='password']").fill("any password")
    page.locator("form[method='post'] button[type='submit']").click()
    # The provider asks for consent to share the name and e-mail address.
    page.locator("form[method='post'] button[type='submit']").click()
    expect(page).to_have_url(f"{base_url}/{language}/")
    # Signed in: the header (or, on a phone, the menu) offers to sign out.
    expect(page.locator(".site-header__sign-out")).to_have_count(2)
