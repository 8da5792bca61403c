"""'Was this page helpful?': recording members' answers without asking who they are.

Pages are served from the page cache to everyone, so the form can't carry a CSRF token (it is
tied to one visitor's cookie). A vote changes nothing but a counter, so the endpoint is exempt
from CSRF and protected against robots instead, without any other service:

- a honeypot field people never see or fill in;
- a signed token with the time the form was shown: a vote must come at least a few seconds
  later (robots post at once) and within a week, for that page only;
- a few votes per page and address per hour, counted in the cache. The address is hashed and
  never stored in the database.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from .models import PageFeedback

SIGNING_SALT = "feedback.records"
TOKEN_MIN_AGE = 3
TOKEN_MAX_AGE = 7 * 24 * 3600
VOTES_PER_HOUR = 3
HONEYPOT_FIELD = "website"
# Everything below a space but line breaks and tabs; PostgreSQL refuses NUL in text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Rejected(Exception):
    """A vote that is not recorded; `reason` says what the member is told."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def feedback_token(page, issued_at=None):
    """The token the form carries: the page it was shown on and when."""
    issued_at = int(time.time()) if issued_at is None else int(issued_at)
    return signing.dumps({"page": page.pk, "at": issued_at}, salt=SIGNING_SALT)


def check_token(token, page):
    try:
        data = signing.loads(token or "", salt=SIGNING_SALT)
    except signing.BadSignature:
        raise Rejected("expired") from None
    age = time.time() - data.get("at", 0)
    if data.get("page") != page.pk or age > TOKEN_MAX_AGE:
        raise Rejected("expired")
    if age < TOKEN_MIN_AGE:
        # Faster than anyone reads a page: a robot. It is told nothing.
        raise Rejected("thanks")


def within_rate_limit(page, address):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    key = f"page-feedback:{page.pk}:{digest}"
    cache.add(key, 0, 3600)
    try:
        votes = cache.incr(key)
    except ValueError:
        # The entry expired between the two calls: this is the first vote of a new hour.
        cache.set(key, 1, 3600)
        return True
    # With the cache down (django-redis ignores its errors) nothing is counted: take the vote
    # rather than lose it; the form's token still keeps robots out.
    return votes is None or votes <= VOTES_PER_HOUR


def record_feedback(page, data, address):
    """Store the vote in `data` (the posted form) for `page`, or raise Rejected."""
    if data.get(HONEYPOT_FIELD):
        raise Rejected("thanks")
    check_token(data.get("token"), page)
    helpful = {"yes": True, "no": False}.get(data.get("helpful"))
    comment = CONTROL_CHARACTERS.sub("", data.get("comment", "")).strip()
    if helpful is None or len(comment) > PageFeedback.COMMENT_MAX_LENGTH:
        raise Rejected("error")
    if not within_rate_limit(page, address):
        raise Rejected("thanks")
    return PageFeedback.objects.create(
        page=page, language=page.locale.language_code, helpful=helpful, comment=comment
    )
