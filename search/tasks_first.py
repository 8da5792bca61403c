"""For a task, the guide that does it comes before the news and events that mention it.

A few words name a task ("onkostennota", "facturer"). News items and events often carry the
same words in their titles (a new form, a workshop about it), which the ranking rewards more
than the guide's steps that hold them in the text. Members come for how-tos: news and events
stay, right after the best guide holding every word asked and its linked answers, in their own
order.
"""

from .linked_answers import LINKED_SHARE

# Kinds that report or announce something rather than say how to do it.
DATED_KINDS = {"news", "event", "opportunity"}
# Just below the guide they would have passed and the answers its editors linked to it, which
# follow it at LINKED_SHARE of its score: the short how-to answer before the news. (Just below
# the guide alone, 0.99, put "Hoe krijg ik een uitgave terugbetaald?" 6th for "onkostennota",
# after three news items and events; 0.89, 0.85 and 0.7 gave the same figures.)
BELOW_GUIDE = LINKED_SHARE * 0.99
# Only those the guide nearly matches: far above it, the news or event is what the words name
# (the general meeting's invitation for "AG", the shared workspace's opening for "coworking"),
# and the guide only mentions them. Chosen among 0.3, 0.45 and 0.6 on the tuning part of the
# members' judged set.
WITHIN_REACH = 0.45


def guides_before_news(results, exact):
    """`results`, with the news, events and opportunities that outrank the best guide holding
    every word asked (one of `exact`) moved to just below it."""
    holding_every_word = {result.key for result in exact}
    guide = next(
        (
            result
            for result in results
            if result.kind == "guide" and result.key in holding_every_word
        ),
        None,
    )
    if guide is None:
        return results
    ceiling = guide.score * BELOW_GUIDE
    for result in results:
        if (
            result.kind in DATED_KINDS
            and result.score > ceiling
            and guide.score >= result.score * WITHIN_REACH
        ):
            result.score = ceiling
    # A stable sort: the moved ones keep their order among themselves.
    return sorted(results, key=lambda result: -result.score)
