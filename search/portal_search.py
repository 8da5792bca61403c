"""One search over pages, glossary terms and the other websites, in the member's language.

The member's language is searched first; when nothing matches there, the other languages are
searched, each result labelled with its language, so a search is never a dead end. Glossary terms
act as synonyms: a query naming a term or one of its variants also finds the other wordings.
"""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.query import Or, PlainText
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from guides.models import (
    FAQPage,
    FAQQuestion,
    GlossaryPage,
    GlossaryTerm,
    GuidePage,
    PathPage,
    TopicPage,
)
from news.models import NewsIndexPage, NewsPage
from portal.pages import localize_pages
from portal.text import fold

from .highlight import highlight, query_stems
from .models import ExternalResource
from .spelling import suggest_spelling

logger = logging.getLogger(__name__)
SEARCH_BACKEND_ERRORS = (TransportError, ApiError)

# Ranking every match of a very common word is what makes broad searches slow: rank the best
# few hundred of each kind, which is more than anyone pages through.
RESULTS_PER_KIND = 200

# Fewer results than this for a query of several words: add pages matching only some of them.
FEW_RESULTS = 3
PARTIAL_MATCH_WEIGHT = 0.5
PREFERRED_PATH_WEIGHT = 1.5
# Members come for how-tos: at equal relevance a guide beats a news item mentioning the words.
KIND_WEIGHTS = {
    "guide": 1.5,
    "faq": 1.3,
    "path": 1.2,
    "glossary": 1.0,
    "about": 1.0,
    "news": 0.8,
    "external": 0.7,
}

CONTENT_TYPES = {
    "guide": _("Guide"),
    "faq": _("Question"),
    "path": _("Path"),
    "news": _("News"),
    "glossary": _("Glossary"),
    "about": _("About the cooperative"),
    "external": _("Other website"),
}


def content_type_of(obj):
    if isinstance(obj, GuidePage):
        return "guide"
    if isinstance(obj, PathPage | TopicPage):
        return "path"
    if isinstance(obj, NewsPage | NewsIndexPage):
        return "news"
    if isinstance(obj, GlossaryTerm | GlossaryPage):
        return "glossary"
    if isinstance(obj, FAQQuestion | FAQPage):
        return "faq"
    if isinstance(obj, ExternalResource):
        return "external"
    return "about"


def relevance(obj):
    """The search score of `obj`, higher for better matches on every backend.

    PostgreSQL ranks from 0 up; SQLite's FTS5 (bm25) ranks below 0, the lowest best.
    """
    return abs(float(obj.search_score or 0))


def with_fallback(search):
    """Run `search(backend_name)` on the default backend, or on the database if that fails.

    With Elasticsearch configured, an outage or an error must not take search down: the
    database index is kept up to date beside it and answers instead.
    """
    try:
        return search("default")
    except SEARCH_BACKEND_ERRORS as error:
        if "database" not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.warning("Search backend failed (%s); answering from the database.", error)
        return search("database")


@dataclass
class Result:
    obj: object
    kind: str
    title: str
    url: str
    language: str
    score: float
    excerpt: str = ""
    level: str | None = None
    breadcrumbs: list = field(default_factory=list)
    source_site: str = ""

    @property
    def kind_label(self):
        return CONTENT_TYPES[self.kind]

    @property
    def is_external(self):
        return self.kind == "external"


@dataclass
class SearchOutcome:
    query: str
    language: str
    results: list
    # Glossary terms the query names: their definitions show above the results.
    defined_terms: list = field(default_factory=list)
    # Results come from other languages because the member's own had none.
    from_other_languages: bool = False
    # The spelling searched instead, when the query as typed found nothing.
    corrected_query: str | None = None
    # Pages editors promoted for this query, shown first.
    promotions: list = field(default_factory=list)


def matching_glossary_terms(query, locale):
    """Terms of `locale` the query names, by their term or one of their variants."""
    folded_query = fold(query)
    if not folded_query:
        return []
    return [
        term
        for term in GlossaryTerm.objects.filter(locale=locale)
        if any(names(form, folded_query) for form in [term.term, *term.variant_list])
    ]


def names(form, folded_query):
    return bool(fold(form)) and re.search(rf"(?<!\w){re.escape(fold(form))}(?!\w)", folded_query)


def query_wordings(query, terms):
    """The query as typed, then with each glossary wording it names swapped for the others.

    'client not paying' also searches 'principal not paying': the other words stay required,
    so a synonym never drowns the rest of the question.
    """
    folded_query = fold(query)
    wordings = [query]
    for term in terms:
        forms = [term.term, *term.variant_list]
        for named_form in [form for form in forms if names(form, folded_query)]:
            pattern = rf"(?<!\w){re.escape(fold(named_form))}(?!\w)"
            for form in forms:
                if fold(form) != fold(named_form):
                    wording = re.sub(pattern, lambda _match, form=form: form, folded_query)
                    if wording not in wordings:
                        wordings.append(wording)
    return wordings


def build_query(query, terms, operator="and"):
    """Any wording of the query, each with all its words required (or any, with 'or')."""
    alternatives = [
        PlainText(wording, operator=operator) for wording in query_wordings(query, terms)
    ]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def text_for_excerpt(obj):
    """The indexed text of an object, title aside: what the excerpt is cut from."""
    texts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            value = search_field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            if value:
                texts.append(re.sub(r"<[^>]+>", " ", str(value)))
    return " ".join(texts)


class PortalSearch:
    def __init__(self, request, query, language, preferred_level=None):
        self.request = request
        # The path the member said fits them: at equal relevance, its results come first.
        self.preferred_level = preferred_level
        self.query = query
        self.language = language
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def run(self):
        locale = self.locales[self.language]
        if not re.search(r"\w", self.query):
            # Only punctuation: nothing any backend could match.
            return SearchOutcome(self.query, self.language, [])
        terms = matching_glossary_terms(self.query, locale)
        outcome = SearchOutcome(self.query, self.language, [], defined_terms=terms)
        outcome.promotions = self.promotions(locale)
        outcome.results = self.search_language(self.language, build_query(self.query, terms))
        if len(outcome.results) < FEW_RESULTS and len(self.query.split()) > 1:
            # Few pages have every word: add those with some of them, ranked lower.
            found = {result.url for result in outcome.results}
            outcome.results += [
                result
                for result in self.search_language(
                    self.language,
                    build_query(self.query, terms, operator="or"),
                    weight=PARTIAL_MATCH_WEIGHT,
                )
                if result.url not in found
            ]
        if outcome.results:
            return outcome

        corrected = suggest_spelling(self.query, locale)
        if corrected:
            corrected_terms = matching_glossary_terms(corrected, locale)
            results = self.search_language(self.language, build_query(corrected, corrected_terms))
            if results:
                outcome.results = results
                outcome.corrected_query = corrected
                outcome.defined_terms = corrected_terms
                return outcome

        for other_language, _name in settings.LANGUAGES:
            if other_language == self.language:
                continue
            other_terms = matching_glossary_terms(self.query, self.locales[other_language])
            outcome.results += self.search_language(
                other_language, build_query(self.query, other_terms)
            )
        outcome.results.sort(key=lambda result: -result.score)
        outcome.from_other_languages = bool(outcome.results)
        return outcome

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
        with translation.override(language):
            pages, terms, resources, questions = with_fallback(
                lambda backend: self.search_kinds(backend, locale, search_query)
            )
        stems = query_stems(self.query, *self.synonyms(search_query))
        results = self.page_results(pages, locale, stems)
        results += self.term_results(terms, locale, stems)
        results += self.question_results(questions, locale, stems)
        results += [
            Result(
                obj=resource,
                kind="external",
                title=resource.title,
                url=resource.url,
                language=language,
                score=relevance(resource),
                excerpt=highlight(resource.summary, stems),
                source_site=resource.source_site,
            )
            for resource in resources
        ]
        for result in results:
            result.score *= weight * KIND_WEIGHTS[result.kind]
            if self.preferred_level and result.level == self.preferred_level:
                result.score *= PREFERRED_PATH_WEIGHT
        results.sort(key=lambda result: -result.score)
        return results

    @staticmethod
    def synonyms(search_query):
        """The glossary wordings a query was expanded with, to mark them in excerpts too."""
        subqueries = getattr(search_query, "subqueries", [])
        return [subquery.query_string for subquery in subqueries[1:]]

    @staticmethod
    def search_kinds(backend_name, locale, search_query):
        backend = get_search_backend(backend_name)
        pages = list(
            backend.search(
                search_query,
                Page.objects.live().public().filter(locale=locale, depth__gt=2).specific(),
            ).annotate_score("search_score")[:RESULTS_PER_KIND]
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

    def page_results(self, pages, locale, stems):
        if not pages:
            return []
        levels = dict(PathPage.objects.filter(locale=locale).values_list("path", "level"))
        ancestor_paths = {
            page.path[:length]
            for page in pages
            for length in range(2 * Page.steplen, len(page.path), Page.steplen)
        }
        ancestors = {
            ancestor.path: ancestor
            for ancestor in Page.objects.filter(path__in=ancestor_paths).only("title", "path")
        }
        results = []
        for page in pages:
            level = next(
                (level for path, level in levels.items() if page.path.startswith(path)), None
            )
            results.append(
                Result(
                    obj=page,
                    kind=content_type_of(page),
                    title=page.title,
                    url=page.get_url(self.request),
                    language=locale.language_code,
                    score=relevance(page),
                    excerpt=highlight(text_for_excerpt(page), stems),
                    level=level,
                    breadcrumbs=[
                        ancestors[path].title
                        for path in sorted(ancestors)
                        if page.path.startswith(path)
                        and path != page.path
                        and len(path) > 2 * Page.steplen
                    ],
                )
            )
        return results

    def question_results(self, questions, locale, stems):
        if not questions:
            return []
        faq = FAQPage.objects.live().filter(locale=locale).first()
        faq_url = faq.get_url(self.request) if faq else ""
        return [
            Result(
                obj=question,
                kind="faq",
                title=question.question,
                url=f"{faq_url}#{question.anchor}",
                language=locale.language_code,
                score=relevance(question),
                excerpt=highlight(re.sub(r"<[^>]+>", " ", question.answer), stems),
                level=question.level or None,
                breadcrumbs=[faq.title] if faq else [],
            )
            for question in questions
        ]

    def term_results(self, terms, locale, stems):
        if not terms:
            return []
        glossary = GlossaryPage.objects.live().filter(locale=locale).first()
        glossary_url = glossary.get_url(self.request) if glossary else ""
        return [
            Result(
                obj=term,
                kind="glossary",
                title=term.term,
                url=f"{glossary_url}#{term.anchor}",
                language=locale.language_code,
                score=relevance(term),
                excerpt=highlight(term.definition, stems),
                breadcrumbs=[glossary.title] if glossary else [],
            )
            for term in terms
        ]
