"""A question typed as a sentence finds the FAQ question worded like it.

FAQ questions are written the way members ask them ("Quand suis-je payé ?"). A member who types
a whole question ("comment je suis payé quand le client a réglé la facture ?") shares most of
its words with the FAQ question that answers it, small words included ("quand", "why", "can I"),
though the ranking, which drops those words, often puts broader guides first. So an FAQ question
most of whose words the member typed is lifted towards the first result, the closer the wording
the higher, and one worded almost as typed comes first.
"""

import re

from guides.models import FAQQuestion

from .highlight import STEM_LENGTH, fold
from .linked_answers import LINKED_SHARE, lift_linked_answers

# The share of an FAQ question's words the member must have typed for it to be lifted. Chosen
# among 0.5, 0.6 and 0.7 on the tuning part of the members' judged set: at 0.5, "Wanneer word
# ik betaald?" passed the guide members look for when they type exactly that.
MOST_WORDS = 0.6
# The member has all but typed the question when they typed this share of its words, and at
# least half of what they typed is the question: it comes first. Both halves matter: "what
# happens if I get hurt during a shoot" holds three of the four words of "What do I get?", but
# is about something else. Chosen among 0.7, 0.75 and 0.8 on the tuning part (0.7 and 0.75
# alike; 0.8 lifted nothing more than before).
CLOSE_WORDING = 0.75
SENTENCE_SHARE = 0.5


def word_stems(text):
    return [word[:STEM_LENGTH] for word in re.findall(r"\w+", fold(text))]


def lift_questions_worded_alike(results, query):
    """`results`, each FAQ question sharing at least MOST_WORDS of its words with `query`
    scored at that share of the first result's score (if that is more than it had), or above
    it when all but typed, and the guides linked to such a question just below it."""
    if not results:
        return results
    typed = set(word_stems(query))
    best = max(result.score for result in results)
    lifted = []
    for result in results:
        if not isinstance(result.obj, FAQQuestion):
            continue  # The FAQ page itself is of the same kind, but no question.
        words = word_stems(result.obj.question)
        share = sum(word in typed for word in words) / len(words) if words else 0
        sentence_share = len(typed.intersection(words)) / len(typed)
        if share >= CLOSE_WORDING and sentence_share >= SENTENCE_SHARE:
            # First: "why is my pay less than what I invoiced" is "Why is my salary lower than
            # what I invoiced?" (7 of its 9 words), not a broader guide. Far enough above the
            # first result that the guides linked to it, lifted to LINKED_SHARE of its score,
            # come before that result too.
            result.score = max(result.score, best * (1 + share) / LINKED_SHARE)
            lifted.append(result)
        elif share >= MOST_WORDS:
            result.score = max(result.score, best * share)
            lifted.append(result)
    # Such a question is the surest answer the sentence finds: the guides its editors linked to
    # it follow it (the rule a few words naming a task get, search/linked_answers.py).
    results = sorted(results, key=lambda result: -result.score)
    return lift_linked_answers(results, lifted) if lifted else results
