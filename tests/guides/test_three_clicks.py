"""Every live guide is within three clicks of its language's home page, in the rendered HTML.

The rule holds over the site as editors fill it, so it is checked on the whole demo site: the
module is marked `demo_site` (tests/conftest.py).
"""

from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from bs4 import BeautifulSoup

from guides.models import GuidePage
from tests.pages import LANGUAGES, demo_page

pytestmark = pytest.mark.demo_site

MAX_CLICKS = 3


def crawl(client, start_url, max_clicks):
    """Follow links in rendered pages, breadth first; return {url: clicks from start}."""
    clicks = {start_url: 0}
    queue = deque([start_url])
    while queue:
        url = queue.popleft()
        if clicks[url] == max_clicks:
            continue
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for link in BeautifulSoup(response.content, "html.parser").find_all("a", href=True):
            target = urldefrag(link["href"]).url
            parsed = urlparse(target)
            if parsed.netloc or not parsed.path.startswith("/") or parsed.query:
                continue
            if target not in clicks:
                clicks[target] = clicks[url] + 1
                queue.append(target)
    return clicks


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_is_at_most_three_clicks_from_home(client, language):
    home = demo_page("page", "home", language)
    clicks = crawl(client, home.url, MAX_CLICKS)

    guides = GuidePage.objects.live().filter(locale__language_code=language)
    assert guides.count() >= 12
    unreachable = [guide.url for guide in guides if guide.url not in clicks]
    assert unreachable == []
    deepest = max(clicks[guide.url] for guide in guides)
    assert deepest <= MAX_CLICKS
    print(f"{language}: {guides.count()} guides, deepest at {deepest} clicks")


@pytest.mark.django_db
def test_a_guide_in_a_topic_is_still_found_within_three_clicks(client):
    guide = demo_page("guide", "working-abroad", "nl")
    assert guide.get_parent().specific_class.__name__ == "TopicPage"

    clicks = crawl(client, "/nl/", MAX_CLICKS)

    assert clicks[guide.url] <= MAX_CLICKS


@pytest.mark.django_db
def test_the_crawl_does_not_find_a_guide_hidden_deeper_than_three_clicks(client):
    # The crawler must be able to fail: with its path unpublished, a guide no other page links
    # to is still live but no longer reachable.
    path = demo_page("path", "basic", "en")
    guide = demo_page("guide", "becoming-shareholder", "en")
    path.unpublish()
    # The FAQ's answers lead to the guide too: without the FAQ, only its path linked it.
    demo_page("faq", "faq", "en").unpublish()
    assert guide.live

    clicks = crawl(client, "/en/", MAX_CLICKS)

    assert guide.url not in clicks


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_offices_and_the_welcome_booklet_are_within_two_clicks(client, language):
    home = demo_page("page", "home", language)
    clicks = crawl(client, home.url, 2)

    contact = demo_page("page", "contact", language)
    offices = contact.get_children().live().specific()
    booklets = [page for office in offices for page in office.get_children().live().specific()]
    pdfs = [booklet.url + booklet.reverse_subpage("pdf") for booklet in booklets]
    assert offices and booklets
    # The 'Contact' link sits at the top of every page; the booklets' PDFs on Smart Facile.
    assert clicks[contact.url] == 1
    assert {clicks.get(office.url) for office in offices} == {2}
    assert {clicks.get(pdf) for pdf in pdfs} == {2}
    print(
        f"{language}: contact 1 click, {len(offices)} offices 2 clicks, "
        f"{len(pdfs)} booklet PDFs 2 clicks"
    )
