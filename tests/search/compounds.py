"""How often a compound the portal writes as two words finds what those two words find
(relevance tooling, kept out of the portal's code).

Members join words the portal writes apart, as Dutch writes compounds (*onkostennota* for a
guide's *nota voor uw onkosten*, *workplace* for *place of work*). The pairs are taken from the
portal itself: every two words in a row, each of four letters or more, in its live pages' titles,
guide summaries and FAQ questions, that the language's dictionary knows as one word (joined, or
with Dutch's linking *s*) and that the portal never writes joined. Each compound is searched as a
member would, and counts as:

- right: its first result is one of the first three the two words find, in the member's
  language;
- wrong: its first result is something else;
- nothing: no result in the member's language.

Run on a database holding the demo site:
    DJANGO_SETTINGS_MODULE=portal.settings.dev python -m tests.search.compounds
"""

import re

import django

from tests.search.probe_score import ProbeScore

LANGUAGES = ["fr", "nl", "en"]


class CompoundScore(ProbeScore):
    @property
    def compounds(self):
        return self.queries


def portal_texts(language):
    """The titles, guide summaries and FAQ questions members read first, in `language`."""
    from wagtail.models import Page

    from guides.models import FAQQuestion, GuidePage

    texts = list(
        Page.objects.live().filter(locale__language_code=language).values_list("title", flat=True)
    )
    texts += (
        GuidePage.objects.live()
        .filter(locale__language_code=language)
        .values_list("summary", flat=True)
    )
    texts += FAQQuestion.objects.filter(locale__language_code=language).values_list(
        "question", flat=True
    )
    return texts


def written_apart(language, portal_holds):
    """{compound: its two words}: pairs of words in a row on the portal that the dictionary
    knows as one word the portal never writes."""
    from search.dictionaries import PART_LENGTH, knows

    pairs = {}
    for text in portal_texts(language):
        words = re.findall(r"\w+", text.lower())
        for first, second in zip(words, words[1:], strict=False):
            if len(first) < PART_LENGTH or len(second) < PART_LENGTH:
                continue
            if not (first.isalpha() and second.isalpha()):
                continue
            for compound in (first + second, first + "s" + second):
                known = compound not in pairs and knows(compound, language)
                if known and not portal_holds(compound):
                    pairs[compound] = f"{first} {second}"
    return pairs


def score_compounds(language):
    from search.service import PortalSearch
    from tests.search.relevance import found_in_language, search_request

    holder = PortalSearch(search_request(language, ""), "", language)
    score = CompoundScore(language)
    for compound, words in sorted(written_apart(language, holder.holds).items()):
        score.record(compound, found_in_language(language, words))
    return score


def main():
    django.setup()
    print(f"{'language':<10}{'compounds':>10}{'right':>8}{'wrong':>8}{'nothing':>9}")
    for language in LANGUAGES:
        score = score_compounds(language)
        print(
            f"{language:<10}{score.compounds:>10}{score.share(score.right):>8.2f}"
            f"{score.share(score.wrong):>8.2f}{score.share(score.nothing):>9.2f}"
        )
        print(f"  right: {', '.join(score.right) or '-'}")
        print(f"  wrong: {', '.join(score.wrong) or '-'}")
        print(f"  nothing: {', '.join(score.nothing) or '-'}")


if __name__ == "__main__":
    main()
