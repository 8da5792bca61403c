"""The page of each public type that the benchmarks measure, found in the demo site."""

from wagtail.models import Page

from demo.sources import demo_key
from directory.models import MemberProfile
from directory.visibility import listed_profiles

SEARCH = "/fr/search/?q=facture"


def demo_page(kind, key, language="fr"):
    """The demo page made from `key` in `language`, as its specific type."""
    return Page.objects.get(
        translation_key=demo_key(kind, key), locale__language_code=language
    ).specific


def page_addresses():
    """{page type: address}, French, in the order the report lists them."""
    return {
        "home": demo_page("page", "home").url,
        "path": demo_page("path", "expert").url,
        "topic": demo_page("topic", "creative-work").url,
        "guide": demo_page("guide", "expense-claims").url,
        "mission": demo_page("mission", "mission").url,
        "glossary": demo_page("glossary", "glossary").url,
        "news index": demo_page("news-index", "news").url,
        "news item": demo_page("news", "new-portal").url,
        "agenda": demo_page("page", "agenda").url,
        "agenda, filtered": demo_page("page", "agenda").url + "?kind=workshop",
        "event": demo_page("event", "welcome-session-brussels").url,
        "agenda feed": demo_page("page", "agenda").url + "calendar/",
        "opportunities": demo_page("page", "opportunities").url,
        "opportunities, filtered": demo_page("page", "opportunities").url + "?kind=grant",
        "opportunity": demo_page("opportunity", "creation-residencies-meuse").url,
        "closing dates feed": demo_page("page", "opportunities").url + "closing-dates/",
        "search results": SEARCH,
        "404": "/fr/no-such-page/",
    }


def member_addresses():
    """{directory page: address}, French: what visitors and signed-in members both open."""
    profile = listed_profiles().filter(visibility=MemberProfile.PUBLIC).order_by("pk").first()
    return {
        "member directory": "/fr/members/",
        "member search": "/fr/members/?q=graphiste",
        "member profile": f"/fr/members/{profile.pk}/",
    }


def own_profile_addresses():
    """{page: address} of a signed-in member's own directory pages."""
    return {"my profile": "/fr/members/me/", "edit my profile": "/fr/members/me/edit/"}


def demo_member():
    """A demo member with a listed profile, to measure the pages as members see them."""
    return listed_profiles().order_by("pk").first().user
