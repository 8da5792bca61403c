"""Finding the demo site's pages in tests."""

from wagtail.models import Page

from demo.loader import demo_key


def demo_page(kind, key, language="fr"):
    """The demo page made from `key` in `language`, as its specific type."""
    return Page.objects.get(
        translation_key=demo_key(kind, key), locale__language_code=language
    ).specific


LANGUAGES = ["fr", "nl", "en"]
