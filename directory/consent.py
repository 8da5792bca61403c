"""The consent text a member agrees to when they list themselves, and its version.

Change the version whenever the text changes: each profile keeps the version its member agreed
to, with the date (MemberProfile.consent_given_at, consent_version).
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-12"
CONSENT_TEXT = _(
    "I want to be listed in the member directory. I agree that the cooperative shows what I wrote "
    "here to the people I chose, and asks me once a year if it is still accurate. I can change "
    "or erase my profile at any time."
)
