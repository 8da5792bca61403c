"""The public pages of each language, by page type: every one of them, or one of each type.

Page types come from the page models themselves, so a new kind of page is checked and weighed
as soon as the demo site has one, without a change here.
"""

from django.utils import translation
from wagtail.models import Page

from directory.models import MemberProfile
from directory.visibility import listed_profiles
from events.models import EventPage

# Words that find guides in each language, and words that find nothing in any.
SEARCH_WORDS = {"fr": "note de frais", "nl": "onkostennota", "en": "expense claim"}
NOTHING_TO_FIND = "xqzvbnmwk"


def page_type_name(model):
    with translation.override("en"):
        return str(model._meta.verbose_name)


def pages_no_model_makes(language):
    """(page type, address, status) of the search results, with and without any, the member
    directory and a public profile as visitors see them, an event's registration form, and the
    404."""
    public = listed_profiles().filter(visibility=MemberProfile.PUBLIC).order_by("pk").first()
    directory = [("member directory", f"/{language}/members/", 200)]
    if public is not None:
        directory.append(("member profile", f"/{language}/members/{public.pk}/", 200))
    with_places = [
        event
        for event in EventPage.objects.live()
        .filter(locale__language_code=language, places__isnull=False)
        .order_by("pk")
        if event.next_occurrences()
    ]
    if with_places:
        directory.append(
            ("event registration", f"/{language}/events/{with_places[0].pk}/register/", 200)
        )
    return directory + [
        ("search results", f"/{language}/search/?q={SEARCH_WORDS[language]}", 200),
        ("search, no results", f"/{language}/search/?q={NOTHING_TO_FIND}", 200),
        ("404", f"/{language}/no-page-has-this-address/", 404),
    ]


def every_page(language):
    """(page type, address, status) of every live page in `language`, in tree order."""
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    return [
        (page_type_name(type(page)), page.url, 200) for page in pages.order_by("path").specific()
    ] + pages_no_model_makes(language)


def one_page_of_each_type(language):
    """(page type, address, status) of the first live page of each type in `language`."""
    first = {}
    for page_type, address, status in every_page(language):
        first.setdefault(page_type, (page_type, address, status))
    return list(first.values())
