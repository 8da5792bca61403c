"""Whether the first result answers a query that no page holds whole: its title names half of
what the member typed."""

from .question_match import word_stems

# The share of the query's words (stop words aside) the first result's title must name. Chosen
# among a third and a half on the tuning part of the members' judged set: alike there, and a
# half asks more of a title.
TITLE_SHARE = 0.5


def title_names_the_query(title, words):
    """True when `title` holds at least TITLE_SHARE of `words`, compared as the FAQ questions'
    wording is (folded, first letters: 'fermeture' names 'fermés')."""
    typed = set(word_stems(" ".join(words)))
    if not typed:
        return False
    return len(typed.intersection(word_stems(title))) / len(typed) >= TITLE_SHARE
