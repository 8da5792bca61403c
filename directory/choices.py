"""The fixed lists a profile chooses from, and how a chosen set is stored: codes joined by commas.

Two-letter codes joined by commas can be filtered with a plain `contains` on every database
(no code is a part of another one, and commas separate them), which a JSON list cannot on SQLite.
"""

from django.utils.translation import gettext_lazy as _

# The portal's three languages: those a member can help others with, and bios are written in.
CONTENT_LANGUAGES = [("fr", _("French")), ("nl", _("Dutch")), ("en", _("English"))]

SPOKEN_LANGUAGES = CONTENT_LANGUAGES + [
    ("de", _("German")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
]

# What a public profile may show to visitors who are not signed in, field by field. The name
# shown is always public on a public profile: it is what the visitor finds.
PUBLIC_FIELD_CHOICES = [
    ("trade", _("Trade")),
    ("skills", _("Skills")),
    ("city", _("Town or city")),
    ("office", _("Office")),
    ("languages", _("Languages spoken")),
    ("bio", _("About me")),
    ("offers", _("What I offer")),
    ("looks_for", _("What I am looking for")),
    ("portfolio_url", _("Portfolio or website")),
]
DEFAULT_PUBLIC_FIELDS = ["trade", "skills", "city"]


def joined_codes(codes):
    return ",".join(dict.fromkeys(code for code in codes if code))


def codes_of(stored, choices):
    """The known codes in `stored`, in the order of `choices`."""
    present = set(stored.split(",")) if stored else set()
    return [code for code, _label in choices if code in present]
