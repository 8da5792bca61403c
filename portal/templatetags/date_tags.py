"""Dates and times written as each language writes them.

French writes the first day of a month '1er janvier' and times '9 h' or '9 h 30'; Dutch
'9.00' or '9.30'; English '9am' or '5.30pm' (as the NHS and the Guardian write them). Django's
formats give '1 janvier' and '09:00' everywhere, so the templates use these filters instead.
"""

import datetime

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.translation import get_language

register = template.Library()
NBSP = "\u00a0"


def language():
    return (get_language() or "").split("-")[0]


@register.filter(expects_localtime=True, is_safe=False)
def day_date(value, date_format="j F Y"):
    """`value` formatted like Django's `date` filter, with '1er' for the first day in French."""
    if not isinstance(value, datetime.date):
        return value
    if language() == "fr" and value.day == 1:
        date_format = date_format.replace("j", r"j\e\r")
    return format_date(value, date_format)


@register.filter(expects_localtime=True, is_safe=False)
def clock(value):
    """A time of day: '9 h', '9 h 30' in French, '9.00' in Dutch, '9am', '5.30pm' in English."""
    if not isinstance(value, datetime.time | datetime.datetime):
        return value
    hour, minute = value.hour, value.minute
    code = language()
    if code == "fr":
        return f"{hour}{NBSP}h" + (f"{NBSP}{minute:02d}" if minute else "")
    if code == "nl":
        return f"{hour}.{minute:02d}"
    suffix = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    return f"{twelve}{suffix}" if not minute else f"{twelve}.{minute:02d}{suffix}"
