"""A guide and the FAQ answers its editors linked to it rank together.

Editors link each guide to the questions members ask about it (a guide's "questions"). A member
typing the question's words finds the short answer; one typing the task's words finds the guide:
each is the other's natural next result, yet the two share few words ("note de frais" against
"Comment me faire rembourser une dépense ?"). So a result linked to a better-ranked one is
lifted to just below it. Only results the query found are moved; nothing is added.
"""

from guides.models import FAQQuestion, GuideFAQQuestion

# A linked result ranks at least this share of its partner's score: just below it.
LINKED_SHARE = 0.9
# Only the partners of the first results are lifted, and only of results holding every word
# asked: lifting the partners of weak or partial matches (a broad overview guide found by two
# words of a sentence) would reorder the list by links rather than by the query.
LIFTED_FROM_TOP = 3


def lift_linked_answers(results, exact):
    """`results`, with the linked questions of a guide among the first that holds every word
    (one of `exact`), and the linked guides of such a question, lifted to just below it; in
    one query."""
    results = sorted(results, key=lambda result: -result.score)
    holding_every_word = {result.key for result in exact}
    top = {id(result) for result in results[:LIFTED_FROM_TOP] if result.key in holding_every_word}
    guides = {result.obj.pk: result for result in results if result.kind == "guide"}
    # A translated guide keeps its links to the original questions: they are matched by
    # translation key, as the guide page itself shows them (GuidePage.linked_questions).
    questions = {
        result.obj.translation_key: result
        for result in results
        if isinstance(result.obj, FAQQuestion)
    }
    if not guides or not questions:
        return results
    links = GuideFAQQuestion.objects.filter(
        page_id__in=guides, question__translation_key__in=questions
    ).values_list("page_id", "question__translation_key")
    scores = {id(result): result.score for result in results}
    for guide_id, question_key in links:
        guide, question = guides[guide_id], questions[question_key]
        if id(question) in top:
            guide.score = max(guide.score, scores[id(question)] * LINKED_SHARE)
        if id(guide) in top:
            question.score = max(question.score, scores[id(guide)] * LINKED_SHARE)
    return sorted(results, key=lambda result: -result.score)
