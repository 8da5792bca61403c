"""The path a member said fits them, remembered in a first-party cookie, without an account.

The cookie holds one word (facile, basic or expert) and nothing else; the home page and the
search put that path first. The page cache keeps one copy of a page per value of the cookie
(registered in `home.apps`), so members with a choice still get cached pages, and their own.
"""

from django.conf import settings

from guides.models import Level

COOKIE_NAME = "smart_path"
COOKIE_MAX_AGE = 365 * 24 * 3600


def preferred_level(request):
    """The level the member chose, or None."""
    level = request.COOKIES.get(COOKIE_NAME)
    return level if level in Level.values else None


def remember_level(response, level):
    response.set_cookie(
        COOKIE_NAME,
        level,
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget_level(response):
    response.delete_cookie(COOKIE_NAME, samesite="Lax")


def paths_in_preferred_order(paths, level):
    """`paths` with the member's own first, the others in their usual order."""
    return sorted(paths, key=lambda path: path.level != level)
