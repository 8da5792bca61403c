"""A question typed as a sentence finds the FAQ question worded like it.

FAQ questions are written the way members ask them ("Quand suis-je payé ?"). A member who types
a whole question ("comment je suis payé quand le client a réglé la facture ?") shares most of
its words with the FAQ question that answers it, small words included ("quand", "why", "can I"),
though the ranking, which drops those words, often puts broader guides first. So an FAQ question
most of whose words the member typed is lifted towards the first result, the closer the wording
the higher. Such a question, or one the sentence's words put first far ahead of the rest, is the
answer: the guides its editors linked to it follow it.
"""

import re

from guides.models import FAQQuestion

from .highlight import STEM_LENGTH, fold
from .linked_answers import lift_linked_answers

# The share of an FAQ question's words the member must have typed for it to be lifted. Chosen
# among 0.5, 0.6 and 0.7 on the tuning part of the members' judged set: at 0.5, "Wanneer word
# ik betaald?" passed the guide members look for when they type exactly that.
MOST_WORDS = 0.6
# A question that comes first at least this many times the score of the next result is the
# sentence's answer, however it is worded: its linked guides follow it too. Below that, the
# sentence may be about the next result as much (1.5, 2 and 3 gave the same figures on the
# tuning part and the first set; 2 is the middle).
FAR_AHEAD = 2


def word_stems(text):
    return [word[:STEM_LENGTH] for word in re.findall(r"\w+", fold(text))]


def lift_questions_worded_alike(results, query):
    """`results`, each FAQ question sharing at least MOST_WORDS of its words with `query`
    scored at that share of the first result's score (if that is more than it had), and the
    guides linked to such a question, or to a question first by FAR_AHEAD, just below it."""
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
        if share >= MOST_WORDS:
            result.score = max(result.score, best * share)
            lifted.append(result)
    results = sorted(results, key=lambda result: -result.score)
    first = results[0]
    if (
        isinstance(first.obj, FAQQuestion)
        and len(results) > 1
        and first.score >= results[1].score * FAR_AHEAD
    ):
        lifted.append(first)
    # Such a question is the surest answer the sentence finds: the guides its editors linked to
    # it follow it (the rule a few words naming a task get, search/linked_answers.py).
    return lift_linked_answers(results, lifted) if lifted else results
