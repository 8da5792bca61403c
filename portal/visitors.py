"""Who reads a page, asked without making the page uncacheable."""

from django.conf import settings


def signed_in_user(request):
    """The signed-in person, or None, without touching the session of a visitor who has none.

    Reading `request.user` loads the session and adds `Vary: Cookie`: a visitor's page would then
    be kept by neither the page cache nor Varnish. Without a session cookie nobody is signed in.
    """
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
