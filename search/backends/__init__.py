"""Search backends: modelsearch's, taught that the portal speaks three languages."""

import contextlib
import contextvars

from django.utils import translation

# The language the member search is reading; None outside it (Elasticsearch then reads every
# language's index, as the admin and choosers need).
searched_language = contextvars.ContextVar("searched_language", default=None)


@contextlib.contextmanager
def searching_in(language):
    """Searches inside the block are in `language`: the database backends analyse the query with
    its rules (they read the active language) and Elasticsearch reads its index only."""
    token = searched_language.set(language)
    try:
        with translation.override(language):
            yield
    finally:
        searched_language.reset(token)
