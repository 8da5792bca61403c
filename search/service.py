"""One search over pages, glossary terms and the other websites, in the member's language.

The member's language is searched first; when nothing matches there, the other languages are
searched, each result labelled with its language, so a search is never a dead end. Glossary terms
act as synonyms: a query naming a term or one of its variants also finds the other wordings.
"""

import logging
import re
from itertools import islice

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from modelsearch.query import PlainText
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from glossary.models import GlossaryPage, GlossaryTerm
from glossary.synonyms import terms_named_in, terms_spelled_out
from guides.models import (
    FAQPage,
    FAQQuestion,
    PathPage,
)
from portal.pages import current_pages, localize_pages

from . import circuit_breaker
from .answer_confidence import title_names_the_query
from .backends import searching_in
from .dictionaries import may_be_word
from .highlight import query_stems
from .linked_answers import lift_linked_answers, lift_partners_of_a_clear_first
from .models import ExternalResource
from .query import build_query, significant_words
from .question_match import lift_questions_worded_alike
from .results import (
    KIND_WEIGHTS,
    Result,
    ResultDetails,
    SearchOutcome,
    ancestors_below_home,
    content_type_of_class,
    relevance,
)
from .spelling import DICTIONARY_WORDS, dictionary_word, suggest_spelling
from .tasks_first import guides_before_news
from .titles import distinct_titles

logger = logging.getLogger(__name__)

# Ranking every match of a very common word is what makes broad searches slow: rank the best
# few hundred of each kind, which is more than anyone pages through.
RESULTS_PER_KIND = 200

# Fewer results than this for a query of several words: add pages matching only some of them.
FEW_RESULTS = 3
PARTIAL_MATCH_WEIGHT = 0.5
# From this many words, a query is a question typed as a sentence.
SENTENCE_WORDS = 4
PREFERRED_PATH_WEIGHT = 1.5


def with_fallback(search):
    """Run `search(backend_name)` on the default backend, or on the database if that fails.

    With Elasticsearch configured, an outage, a timeout or an error must not take search down:
    the database index is kept up to date beside it and answers instead, straight away while
    the circuit breaker is open.
    """
    if "database" not in settings.WAGTAILSEARCH_BACKENDS:
        return search("default")
    if circuit_breaker.is_open():
        return search("database")
    try:
        return search("default")
    except circuit_breaker.BACKEND_ERRORS as error:
        circuit_breaker.trip()
        logger.warning("Search backend failed (%r); answering from the database.", error)
        return search("database")


_locales = {}


def locales():
    """Locales by language code, read once per process: they change only with the languages
    the portal offers (search.apps forgets them when a locale is saved or deleted)."""
    if any(language not in _locales for language, _name in settings.LANGUAGES):
        _locales.clear()
        _locales.update({locale.language_code: locale for locale in Locale.objects.all()})
    return _locales


def forget_locales(**kwargs):
    _locales.clear()


def translation_identity(obj):
    """(model, translation key) shared by an object and its translations; None for the kinds
    that have no translations (other websites' pages)."""
    if isinstance(obj, Page):
        return (Page, obj.translation_key)
    if isinstance(obj, GlossaryTerm | FAQQuestion):
        return (type(obj), obj.translation_key)
    return None


def searchable_pages(locale, request=None):
    """The pages of a language the search looks in: live, public, below its home page, not
    run out (a closed call)."""
    return current_pages(Page.objects.live().public().filter(locale=locale, depth__gt=2), request)


def arranged(results, exact, query):
    """`results` in the order the member's intent asks for, beyond what the words' ranks say.

    `exact`: those of them holding every word asked.
    """
    if len(re.findall(r"\w+", query)) < SENTENCE_WORDS:
        # A few words name a task or a topic: its guide and their answers belong together, and
        # the guide comes before the news about it. The guide is put before the news first:
        # its answers follow it from where it ends up, not from below news naming the task.
        results = guides_before_news(sorted(results, key=lambda result: -result.score), exact)
        return lift_linked_answers(results, exact)
    # A sentence is one question, whose words decide; the FAQ question worded like it, or a
    # result its words put far ahead, answers it, and what is linked to that answer follows it.
    return lift_partners_of_a_clear_first(lift_questions_worded_alike(results, query))


class PortalSearch:
    def __init__(self, request, query, language, preferred_level=None):
        self.request = request
        # The path the member said fits them: at equal relevance, its results come first.
        self.preferred_level = preferred_level
        self.query = query
        self.language = language
        self.locales = locales()
        # {(word, language): whether nothing searchable holds it}: a word is asked about up to
        # three times (the query, its correction, whether the member can be answered).
        self.nowhere = {}
        self.searchable = {}

    def run(self):
        locale = self.locales[self.language]
        if not re.search(r"\w", self.query):
            # Only punctuation: nothing any backend could match.
            return SearchOutcome(self.query, self.language, [], cannot_answer=True)
        terms = self.terms_named(self.query, self.language)
        outcome = SearchOutcome(self.query, self.language, [], defined_terms=terms)
        outcome.promotions = self.promotions(locale)
        searched = self.query
        exact = self.search_language(self.language, build_query(searched, terms))
        elsewhere = []
        if not exact:
            # A word of another language (`onkostennota` on the French site) is a surer sign
            # than a close spelling: its pages, in the member's language where translated.
            elsewhere = self.in_own_language(
                self.found_in_other_languages(), build_query(searched, terms)
            )
            elsewhere.sort(key=lambda result: -result.score)
            if any(result.language == self.language for result in elsewhere):
                # Ordered as the same query on the other language's site orders them: each of
                # these held every word asked there.
                outcome.results = arranged(elsewhere, elsewhere, self.query)
                outcome.from_other_languages = any(
                    result.language != self.language for result in elsewhere
                )
                outcome.translated_from_other_languages = True
                return outcome
            corrected = suggest_spelling(self.query, locale, self.holds)
            if corrected:
                corrected_terms = self.terms_named(corrected, self.language)
                exact = self.search_language(self.language, build_query(corrected, corrected_terms))
                # No page holds every corrected word either, but the correction put on the
                # portal a word typed that was nowhere: the corrected question is the one to
                # answer in part. (Counted, not required to be none: SQLite keeps stop words,
                # which may be nowhere in both.)
                if exact or len(self.words_found_nowhere(corrected)) < len(
                    self.words_found_nowhere(self.query)
                ):
                    searched, terms = corrected, corrected_terms
                    outcome.corrected_query = corrected
                    outcome.defined_terms = corrected_terms
        outcome.results = arranged(
            self.with_partial_matches(exact, searched, terms), exact, searched
        )
        outcome.cannot_answer = self.may_not_have_the_answer(searched, exact, outcome.results)
        if not outcome.results:
            outcome.results = elsewhere
            outcome.from_other_languages = bool(elsewhere)
        return outcome

    def may_not_have_the_answer(self, query, exact, results):
        """True when the portal likely has no page answering `query`, so the page says so and
        names whom to ask: nothing was found; or nothing holds every word asked, and either some
        word is nowhere on the portal ('Namur', 'reset') or the query is a few words naming one
        thing ('mot de passe oublié': each word is somewhere, never together).

        A sentence whose words are all on the portal, only not on one page, is not flagged: its
        answer usually shows. Nor is a first result whose title names half of what was typed
        ('kantoren dicht met kerst': "onze kantoren zijn dicht"): it answers, whatever word the
        portal lacks.
        """
        if not results:
            return True
        if exact:
            return False
        words = significant_words(query, self.language)
        if title_names_the_query(results[0].title, words):
            return False
        return len(words) < SENTENCE_WORDS or bool(self.words_found_nowhere(query))

    def terms_named(self, query, language, acronyms=True):
        """The glossary terms of `language` that `query` names: by one of their wordings, or by
        the acronym of their name or of a translation's name (RvB, raad van bestuur) if the
        portal never writes that acronym in the language. Where it does, the acronym means what
        the content says.

        `acronyms=False` for a language other than the member's: the member's own language has
        read the acronym already, with every translation's initials, and where it found two
        terms' initials there, another language must not pick one of them.
        """
        locale = self.locales[language]
        terms = terms_named_in(query, locale, self.request)
        if not acronyms:
            return terms
        spelled_out = [
            (acronym, term)
            for acronym, term in terms_spelled_out(query, locale, self.request)
            if term not in terms
        ]
        if spelled_out:
            unwritten = set(
                self.words_found_nowhere(
                    " ".join(acronym for acronym, _term in spelled_out), language
                )
            )
            terms += dict.fromkeys(
                term for acronym, term in spelled_out if acronym.lower() in unwritten
            )
        return terms

    def holds(self, word):
        """Whether something searchable in the member's language holds `word` (a stop word,
        which matches nothing, is held by nothing)."""
        return bool(significant_words(word, self.language)) and not self.words_found_nowhere(word)

    def words_found_nowhere(self, query, language=None):
        """The words of `query` that nothing searchable in `language` (by default the member's)
        holds."""
        language = language or self.language
        words = significant_words(query, language)
        with searching_in(language):
            for word in words:
                if (word, language) not in self.nowhere:
                    self.nowhere[(word, language)] = not with_fallback(
                        lambda backend_name, word=word: self.found_anywhere(
                            backend_name, word, language
                        )
                    )
        return [word for word in words if self.nowhere[(word, language)]]

    def found_anywhere(self, backend_name, word, language):
        """Whether something searchable in `language` holds `word`, asked of the backend."""
        backend = get_search_backend(backend_name)
        may_match = getattr(backend, "may_match", None)
        if may_match is not None and not may_match(self.locales[language].pk, PlainText(word)):
            # No index entry of the language holds it: one look instead of one per kind.
            return False
        finds_any = getattr(backend, "finds_any", None)
        return any(
            backend.search(PlainText(word), objects, order_by_relevance=False)[:1]
            if finds_any is None
            else finds_any(objects, PlainText(word))
            for objects in self.searchable_in(language)
        )

    def searchable_in(self, language):
        """Everything searchable in `language`, by kind, built once per search: the pages'
        permissions are read when built."""
        if language not in self.searchable:
            locale = self.locales[language]
            self.searchable[language] = [
                searchable_pages(locale, self.request),
                GlossaryTerm.objects.filter(locale=locale),
                FAQQuestion.objects.filter(locale=locale),
                ExternalResource.objects.filter(locale=locale),
            ]
        return self.searchable[language]

    def found_in_other_languages(self):
        """Results holding every word of the query as typed, in each of the other languages,
        scored as that language's own search scores them."""
        found = []
        for other_language, _name in settings.LANGUAGES:
            if other_language != self.language:
                other_terms = self.terms_named(self.query, other_language, acronyms=False)
                exact = self.search_language(other_language, build_query(self.query, other_terms))
                if not exact or self.slips_read_as(other_language):
                    # Only results holding every word are kept: the search for some of the
                    # words would only rescore them.
                    continue
                holding_every_word = {result.key for result in exact}
                found += [
                    result
                    for result in self.with_partial_matches(
                        exact, self.query, other_terms, other_language
                    )
                    if result.key in holding_every_word
                ]
        return found

    def slips_read_as(self, other_language):
        """Whether a word of the query that nothing in the member's language holds is no word of
        `other_language`, only a slip of a word the member's pages hold: 'budgeet' on the English
        site, which Dutch analysis reads as 'budget', is English 'budget' mistyped."""
        # The other language's dictionary first: it costs no query, and knows most words typed
        # in that language ('verzekering' on the French site). The member's dictionary, slow
        # for a word it doesn't know, is asked about as many words as the spelling step asks.
        unknown_there = (
            word
            for word in dict.fromkeys(re.findall(r"\w+", self.query.lower()))
            if not may_be_word(word, other_language) and self.words_found_nowhere(word)
        )
        return any(
            dictionary_word(word, self.language, self.holds)
            for word in islice(unknown_there, DICTIONARY_WORDS)
        )

    def with_partial_matches(self, exact, query, terms, language=None):
        """`exact` results, and those holding only some of the query's words, in one ranking.

        Asked when few results hold every word, or always for a question typed as a sentence:
        its answer rarely repeats every word of it ('wanneer staat mijn loon op mijn rekening').
        A result holding only some words counts half. One holding every word keeps the better of
        its two scores: scattered between its title and its text, its words score next to
        nothing together, and it mustn't fall below pages holding fewer of them.
        """
        words = re.findall(r"\w+", query)
        if len(words) < 2 or (len(exact) >= FEW_RESULTS and len(words) < SENTENCE_WORDS):
            return exact
        any_word = {
            result.key: result
            for result in self.search_language(
                language or self.language, build_query(query, terms, operator="or")
            )
        }
        for result in exact:
            partial = any_word.pop(result.key, None)
            if partial is not None:
                result.score = max(result.score, partial.score)
        for result in any_word.values():
            result.score *= PARTIAL_MATCH_WEIGHT
        return sorted([*exact, *any_word.values()], key=lambda result: -result.score)

    def in_own_language(self, results, search_query):
        """`results` found in other languages, each replaced by its live translation in the
        member's language where there is one: a word typed in the wrong language (`onkostennota`
        on the French site) still leads to the member's own page, found once, at its best score.
        Results with no translation stay in their language."""
        best = {}
        for result in sorted(results, key=lambda result: -result.score):
            identity = translation_identity(result.obj)
            if identity is not None:
                best.setdefault(identity, result)
        locale = self.locales[self.language]
        own = {
            Page: searchable_pages(locale, self.request),
            GlossaryTerm: GlossaryTerm.objects.filter(locale=locale),
            FAQQuestion: FAQQuestion.objects.filter(locale=locale),
        }
        found = {model: [] for model in own}
        for model, objects in own.items():
            keys = [key for kind, key in best if kind is model]
            for obj in objects.filter(translation_key__in=keys) if keys else []:
                obj.search_score = best[(model, obj.translation_key)].obj.search_score
                found[model].append(obj)
        translated = {translation_identity(obj) for objects in found.values() for obj in objects}
        untranslated = [
            result for result in results if translation_identity(result.obj) not in translated
        ]
        own_results = self.build_results(
            self.language, found[Page], found[GlossaryTerm], [], found[FAQQuestion], search_query
        )
        for result in own_results:
            # Ranked as the object it translates was ranked.
            result.score = best[translation_identity(result.obj)].score
        return untranslated + own_results

    def promotions(self, locale):
        """Editors' picks for this query, in the member's language."""
        query = Query.objects.filter(query_string=normalise_query_string(self.query)).first()
        if query is None:
            return []
        picks = []
        for pick in query.editors_picks.select_related("page").order_by("sort_order"):
            if pick.page_id:
                pages = localize_pages([pick.page], locale)
                if pages:
                    picks.append(
                        {
                            "title": pages[0].title,
                            "url": pages[0].get_url(self.request),
                            "description": pick.description,
                        }
                    )
            elif pick.external_link_url:
                picks.append(
                    {
                        "title": pick.external_link_text or pick.external_link_url,
                        "url": pick.external_link_url,
                        "description": pick.description,
                    }
                )
        return picks

    def search_language(self, language, search_query, weight=1.0):
        locale = self.locales[language]
        # The query is analysed with the rules of the language searched.
        with searching_in(language):
            pages, terms, resources, questions = with_fallback(
                lambda backend: self.search_kinds(backend, locale, search_query, self.request)
            )
        return self.build_results(
            language, pages, terms, resources, questions, search_query, weight
        )

    def build_results(self, language, pages, terms, resources, questions, search_query, weight=1.0):
        """Results of every kind for the objects found in `language`, ranked."""
        locale = self.locales[language]
        if not (pages or terms or resources or questions):
            return []
        details = ResultDetails(
            self.request,
            locale,
            query_stems(self.query, *self.synonyms(search_query)),
            self.context_pages(locale, pages, terms, questions),
        )
        titles = distinct_titles(pages)
        # (object, kind, title, what that kind adds) for every object found, whatever its model.
        found = [
            *(
                (
                    page,
                    content_type_of_class(page.specific_class or Page),
                    titles[page.pk],
                    {"level": details.level(page)},
                )
                for page in pages
            ),
            *((term, "glossary", term.term, {}) for term in terms),
            *(
                (question, "faq", question.question, {"level": question.level or None})
                for question in questions
            ),
            *(
                (resource, "external", resource.title, {"source_site": resource.source_site})
                for resource in resources
            ),
        ]
        results = [
            Result(
                obj=obj,
                kind=kind,
                title=title,
                language=language,
                score=relevance(obj),
                details=details,
                **extra,
            )
            for obj, kind, title, extra in found
        ]
        for result in results:
            result.score *= weight * KIND_WEIGHTS[result.kind]
            if self.preferred_level and result.level == self.preferred_level:
                result.score *= PREFERRED_PATH_WEIGHT
        results.sort(key=lambda result: -result.score)
        return results

    @staticmethod
    def context_pages(locale, pages, terms, questions):
        """In one query: the ancestors of `pages` (and path pages among them, for their level),
        and the glossary and FAQ pages if terms or questions were found."""
        paths = {path for page in pages for path in ancestors_below_home(page)}
        paths |= {page.path for page in pages if page.specific_class is PathPage}
        condition = Q(path__in=paths)
        anchor_types = [
            model for model, found in ((GlossaryPage, terms), (FAQPage, questions)) if found
        ]
        if anchor_types:
            condition |= Q(
                content_type__in=ContentType.objects.get_for_models(*anchor_types).values(),
                locale=locale,
                live=True,
            )
        if not paths and not anchor_types:
            return []
        return list(
            Page.objects.filter(condition).annotate(level=F("pathpage__level")).order_by("path")
        )

    @staticmethod
    def synonyms(search_query):
        """The glossary wordings a query was expanded with, to mark them in excerpts too."""
        subqueries = getattr(search_query, "subqueries", [])
        return [subquery.query_string for subquery in subqueries[1:]]

    @staticmethod
    def search_kinds(backend_name, locale, search_query, request=None):
        backend = get_search_backend(backend_name)
        may_match = getattr(backend, "may_match", None)
        if may_match is not None and not may_match(locale.pk, search_query):
            # Nothing in the language holds the words: each search below would find nothing.
            return [], [], [], []
        # Plain pages: their own fields are loaded only for the results shown (describe()).
        pages = list(
            backend.search(search_query, searchable_pages(locale, request)).annotate_score(
                "search_score"
            )[:RESULTS_PER_KIND]
        )
        terms = list(
            backend.search(search_query, GlossaryTerm.objects.filter(locale=locale)).annotate_score(
                "search_score"
            )[:RESULTS_PER_KIND]
        )
        resources = list(
            backend.search(
                search_query, ExternalResource.objects.filter(locale=locale)
            ).annotate_score("search_score")[:RESULTS_PER_KIND]
        )
        questions = list(
            backend.search(search_query, FAQQuestion.objects.filter(locale=locale)).annotate_score(
                "search_score"
            )[:RESULTS_PER_KIND]
        )
        return pages, terms, resources, questions
