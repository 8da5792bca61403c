"""Typography of the reader's language on rendered text: `{% filter french_punctuation %}`."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.punctuation import french_spacing

register = template.Library()


@register.filter(is_safe=True)
def french_punctuation(html):
    """French spacing around punctuation on a French page; other languages unchanged."""
    if (get_language() or "").split("-")[0] != "fr":
        return html
    return mark_safe(french_spacing(str(html)))  # noqa: S308 - only spaces are added to safe HTML
