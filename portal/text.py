"""Comparing words as members type them: case and accents aside."""

import unicodedata


def fold(text):
    """`text` in lower case without accents: 'Règles' and 'regles' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
