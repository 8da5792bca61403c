"""A guide and the FAQ answers its editors linked to it rank together.

Editors link each guide to the questions members ask about it (a guide's "questions"). A member
typing the question's words finds the short answer; one typing the task's words finds the guide:
each is the other's natural next result, yet the two share few words ("note de frais" against
"Comment me faire rembourser une dépense ?"). So a result linked to a better-ranked one is
lifted to just below it. Only results the query found are moved; nothing is added. For a
sentence, whose words decide, only the partners of a first result far ahead of the rest are.
"""

from guides.models import FAQQuestion, GuideFAQQuestion

# A linked result ranks at least this share of its partner's score: just below it.
LINKED_SHARE = 0.9
# Only the partners of the first results are lifted, and only of results holding every word
# asked: lifting the partners of weak or partial matches (a broad overview guide found by two
# words of a sentence) would reorder the list by links rather than by the query.
LIFTED_FROM_TOP = 3
# For a sentence, a first result scoring at least this many times the next one is its answer,
# however it is worded. Chosen among 1.5, 2 and 3 on the tuning part of the members' judged set
# (2 and 3 gave the same figures; at 1.5 a Dutch sentence lost its answer from the first three).
FAR_AHEAD = 2


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


def lift_partners_of_a_clear_first(results):
    """`results` of a sentence, with the questions or guides linked to its first result lifted
    to just below it when that result, a guide or an FAQ question, scores FAR_AHEAD times the
    next one or more. Its words decide a sentence's ranking, not links, unless they point to
    one answer this clearly."""
    results = sorted(results, key=lambda result: -result.score)
    if len(results) < 2 or results[0].score < results[1].score * FAR_AHEAD:
        return results
    first = results[0]
    if first.kind != "guide" and not isinstance(first.obj, FAQQuestion):
        return results
    return lift_linked_answers(results, [first])
