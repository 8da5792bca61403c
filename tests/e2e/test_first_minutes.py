"""A member's first minutes on a phone: the page title in view, the menu and the glossary by touch,
keyboard and without JavaScript, and a search box that keeps what was typed."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import report
from tests.e2e.site_pages import one_page_of_each_type
from tests.pages import LANGUAGES, demo_page

PHONE = {"width": 375, "height": 667}
# The page's own title starts within this many pixels of the top, on every page type.
H1_WITHIN_PX = 200


def phone_context(browser, live_site, **options):
    context = browser.new_context(base_url=live_site.url, viewport=PHONE, has_touch=True, **options)
    context.route(lambda url: not url.startswith(live_site.url), lambda route: route.abort())
    return context


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_every_page_types_title_starts_within_200_px(browser, live_site, language):
    context = phone_context(browser, live_site)
    page = context.new_page()
    too_low = []
    for page_type, address, status in one_page_of_each_type(language):
        assert page.goto(address).status == status, address
        top = page.locator("h1").first.bounding_box()["y"]
        header = page.locator("header.site-header").bounding_box()["height"]
        report.header_heights[page_type, language] = (round(header), round(top))
        if top > H1_WITHIN_PX:
            too_low.append(f"{page_type} ({address}): h1 at {top:.0f} px")
        # Nothing wider than the phone: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], address
    context.close()
    assert not too_low, "\n".join(too_low)


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_on_a_phone_the_menu_opens_by_touch_with_or_without_javascript(
    browser, live_site, javascript
):
    context = phone_context(browser, live_site, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(demo_page("page", "home", "nl").url)
    menu_links = page.locator(".main-nav nav a")
    expect(menu_links.first).to_be_hidden()

    page.locator(".main-nav summary").tap()

    expect(menu_links.first).to_be_visible()
    menu_links.nth(1).tap()
    expect(page).to_have_url(live_site.url + demo_page("path", "basic", "nl").url)
    context.close()


def test_on_a_wide_screen_the_menu_is_a_row_of_links_without_a_toggle(open_context):
    page = open_context().new_page()
    page.goto(demo_page("page", "home", "fr").url)
    expect(page.locator(".main-nav summary")).to_be_hidden()
    expect(page.locator(".main-nav nav a").first).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_glossary_definition_opens_in_place_by_keyboard_and_closes_on_escape(
    browser, live_site, language
):
    # No smooth scrolling, so the screenshot shows the page at rest.
    context = phone_context(browser, live_site, reduced_motion="reduce")
    page = context.new_page()
    guide = demo_page("guide", "how-it-works", language)
    page.goto(guide.url)
    term = page.locator("button.glossary-term").first
    expect(term).to_have_attribute("aria-expanded", "false")
    url_before = page.url

    term.focus()
    page.keyboard.press("Enter")

    bubble = page.locator(".toggletip__bubble").first
    expect(term).to_have_attribute("aria-expanded", "true")
    # A live region, so a screen reader reads the definition out when it opens.
    expect(bubble).to_have_attribute("role", "status")
    expect(bubble).to_be_visible()
    expect(bubble.locator(".toggletip__definition")).not_to_be_empty()
    box = bubble.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    bubble.scroll_into_view_if_needed()
    page.screenshot(path=f"screenshots/glossary-definition-open-{language}-375px.png")
    # The member stays where they were reading, and can go on to the glossary from the bubble.
    assert page.url == url_before
    page.keyboard.press("Tab")
    expect(bubble.locator("a.toggletip__more")).to_be_focused()

    page.keyboard.press("Escape")

    expect(term).to_have_attribute("aria-expanded", "false")
    expect(term).to_be_focused()
    expect(bubble).to_be_hidden()
    page.keyboard.press(" ")
    expect(term).to_have_attribute("aria-expanded", "true")
    page.locator("h1").tap()
    expect(term).to_have_attribute("aria-expanded", "false")
    context.close()


def test_without_javascript_a_glossary_term_is_a_link_to_its_definition(browser, live_site):
    context = phone_context(browser, live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_page("guide", "how-it-works", "fr").url)
    term = page.locator("a.glossary-term").first
    expect(page.locator(".glossary-term__definition").first).to_be_hidden()

    term.tap()

    glossary_url = live_site.url + demo_page("glossary", "glossary", "fr").url
    expect(page).to_have_url(re.compile(re.escape(glossary_url) + "#term-"))
    expect(page.locator("#" + page.url.split("#", 1)[1])).to_be_visible()
    context.close()


def test_escape_closes_the_suggestions_and_keeps_the_query(open_context):
    page = open_context().new_page()
    page.goto(demo_page("page", "home", "en").url)
    box = page.locator("#header-search-q")
    box.fill("expe")
    suggestions = page.locator(".search-suggestions").first
    expect(suggestions).to_be_visible()

    box.press("Escape")

    expect(suggestions).to_be_hidden()
    expect(box).to_have_value("expe")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tutorial_video_plays_seeks_and_shows_its_captions(browser, live_site, language):
    context = phone_context(browser, live_site)
    page = context.new_page()
    page.goto(demo_page("guide", "first-contract", language).url)
    video = page.locator("video.video__file")
    expect(video).to_be_visible()

    # Muted, as a script may start it; a member presses play. Seeking asks for a byte range. Each
    # wait is bounded: a video that never plays fails here with the step it stopped at.
    played = page.evaluate(
        """async () => {
          const within = (promise, what) => Promise.race([promise, new Promise((_, fail) =>
            setTimeout(() => fail(new Error(what + " took over 10 s")), 10000))]);
          const video = document.querySelector("video.video__file");
          const state = () => ({
            ready: video.readyState, network: video.networkState,
            error: video.error && video.error.code, at: video.currentTime,
          });
          try {
            video.muted = true;
            await within(video.play(), "play()");
            await new Promise((done) => setTimeout(done, 1000));
            const playedFor = video.currentTime;
            await within(new Promise((done) => {
              video.addEventListener("seeked", done, { once: true });
              video.currentTime = 40;
            }), "seeking to 40 s");
            const captions = video.textTracks[0];
            captions.mode = "showing";
            await within(new Promise((done) => {
              const loaded = () => captions.cues && captions.cues.length;
              const poll = () => (loaded() ? done() : setTimeout(poll, 50));
              poll();
            }), "loading the captions");
            return {
              playedFor, at: video.currentTime, cues: captions.cues.length,
              language: captions.language, error: video.error && video.error.code,
            };
          } catch (stopped) {
            return { stopped: stopped.message, ...state() };
          }
        }"""
    )

    assert "stopped" not in played, played
    assert played["error"] is None
    assert played["playedFor"] > 0.3
    assert played["at"] >= 39.5
    assert played["cues"] >= 10
    assert played["language"] == language
    context.close()


def test_on_a_phone_the_menu_works_with_the_keyboard_alone(browser, live_site):
    context = phone_context(browser, live_site)
    page = context.new_page()
    page.goto(demo_page("page", "home", "fr").url)
    toggle = page.locator(".main-nav summary")
    toggle.focus()

    page.keyboard.press("Enter")
    first_link = page.locator(".main-nav nav a").first
    expect(first_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()

    page.keyboard.press("Escape")
    expect(first_link).to_be_hidden()
    expect(toggle).to_be_focused()
    context.close()
