"""How often a typo finds what the word it was meant to be finds, over typos made by rule
(relevance tooling, kept out of the portal's code).

The judged sets hold a few typos each; this measures the class. For each language, the words
members use for the matters they ask about most (pay, invoices, insurance, expenses, signing up,
unemployment…) that the portal's text holds, each misspelt by rule: a letter dropped, doubled,
or swapped with the next, never the first or last letter, five of those per word at random
(seeded), leaving out the misspellings the language's dictionary knows as words. Each is
searched as a member would, and counts as:

- right: its first result is one of the first three the word itself finds, in the member's
  language (corrected, or found as typed where the language's analysis takes the slip in);
- wrong: its first result is something else;
- nothing: no result in the member's language.

Run on a database holding the demo site:
    DJANGO_SETTINGS_MODULE=portal.settings.dev python -m tests.search.typos
"""

import random
from dataclasses import dataclass, field

import django

from tests.search.probe_score import ProbeScore

MISSPELLINGS_PER_WORD = 5
SEED = 7
WORDS = {
    "fr": [
        "facture",
        "assurance",
        "contrat",
        "salaire",
        "conseiller",
        "remboursement",
        "sociétaire",
        "coopérative",
        "activité",
        "paiement",
        "chômage",
        "indépendant",
        "cotisations",
        "formulaire",
        "convention",
        "budget",
        "retard",
        "inscription",
        "précompte",
        "prestation",
    ],
    "nl": [
        "factuur",
        "verzekering",
        "contract",
        "loon",
        "adviseur",
        "terugbetaling",
        "vennoot",
        "coöperatie",
        "activiteit",
        "betaling",
        "werkloosheid",
        "zelfstandige",
        "bijdragen",
        "formulier",
        "overeenkomst",
        "budget",
        "achterstand",
        "inschrijving",
        "bedrijfsvoorheffing",
        "onkostennota",
    ],
    "en": [
        "invoice",
        "insurance",
        "contract",
        "salary",
        "adviser",
        "reimbursement",
        "shareholder",
        "cooperative",
        "activity",
        "payment",
        "unemployment",
        "independent",
        "contributions",
        "form",
        "agreement",
        "budget",
        "late",
        "registration",
        "withholding",
        "expenses",
    ],
}


@dataclass
class TypoScore(ProbeScore):
    words: int = 0
    words_not_on_portal: list = field(default_factory=list)

    @property
    def typos(self):
        return self.queries

    @property
    def right_share(self):
        return self.share(self.right)

    @property
    def wrong_share(self):
        return self.share(self.wrong)

    @property
    def nothing_share(self):
        return self.share(self.nothing)


def misspellings(word):
    """Every misspelling of `word` by one slip inside it: a letter dropped, doubled or swapped
    with the next; the first and last letters stay."""
    found = set()
    for i in range(1, len(word) - 1):
        found.add(word[:i] + word[i + 1 :])
        found.add(word[:i] + word[i] + word[i:])
        found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    found.discard(word)
    return sorted(found)


def score_typos(language):
    from search.dictionaries import knows
    from tests.search.relevance import found_in_language

    score = TypoScore(language)
    randomness = random.Random(SEED)  # noqa: S311 (a repeatable sample, not a secret)
    for word in WORDS[language]:
        answers = found_in_language(language, word)[:3]
        if not answers:
            score.words_not_on_portal.append(word)
            continue
        score.words += 1
        candidates = misspellings(word)
        for typo in randomness.sample(candidates, min(MISSPELLINGS_PER_WORD, len(candidates))):
            if knows(typo, language):
                continue
            score.record(typo, answers)
    return score


def main():
    django.setup()
    print(f"{'language':<10}{'words':>6}{'typos':>7}{'right':>8}{'wrong':>8}{'nothing':>9}")
    for language in WORDS:
        score = score_typos(language)
        print(
            f"{language:<10}{score.words:>6}{score.typos:>7}{score.right_share:>8.2f}"
            f"{score.wrong_share:>8.2f}{score.nothing_share:>9.2f}"
        )
        print(f"  not on the portal: {', '.join(score.words_not_on_portal) or '-'}")
        print(f"  wrong: {', '.join(score.wrong) or '-'}")
        print(f"  nothing: {', '.join(score.nothing) or '-'}")


if __name__ == "__main__":
    main()
