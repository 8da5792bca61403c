"""One search over pages, glossary terms and the other websites, in the member's language.

The member's language is searched first; when nothing matches there, the other languages are
searched, each result labelled with its language, so a search is never a dead end. Glossary terms
act as synonyms: a query naming a term or one of its variants also finds the other wordings.
"""

import logging
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.query import Or, PlainText
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
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
from portal import content_memo
from portal.pages import localize_pages
from portal.routing import ancestor_paths
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
    return content_type_of_class(type(obj))


def content_type_of_class(model):
    """The kind of result a model's objects are: guide, path, news..."""
    kinds = [
        (GuidePage, "guide"),
        ((PathPage, TopicPage), "path"),
        ((NewsPage, NewsIndexPage), "news"),
        ((GlossaryTerm, GlossaryPage), "glossary"),
        ((FAQQuestion, FAQPage), "faq"),
        (ExternalResource, "external"),
    ]
    return next((kind for models, kind in kinds if issubclass(model, models)), "about")


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


@dataclass(eq=False)
class Result:
    """One search result. Its address, breadcrumb and excerpt are built when first read: a
    broad search finds hundreds of results, and only the ten on screen need them."""

    obj: object
    kind: str
    title: str
    language: str
    score: float
    level: str | None = None
    source_site: str = ""
    details: "ResultDetails" = field(default=None, repr=False)

    @property
    def kind_label(self):
        return CONTENT_TYPES[self.kind]

    @property
    def is_external(self):
        return self.kind == "external"

    @cached_property
    def url(self):
        return self.details.url(self)

    @cached_property
    def breadcrumbs(self):
        return self.details.breadcrumbs(self)

    @cached_property
    def excerpt(self):
        return self.details.excerpt(self)


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


def matching_glossary_terms(query, locale, request=None):
    """Terms of `locale` the query names, by their term or one of their variants."""
    folded_query = fold(query)
    if not folded_query:
        return []
    return [
        term
        for term, folded_forms in glossary_forms(request, locale)
        if any(names_folded(form, folded_query) for form in folded_forms)
    ]


def glossary_forms(request, locale):
    """[(term, its term and variants folded)] of `locale`, kept until the glossary changes."""
    return content_memo.remember(
        request,
        ("glossary forms", locale.pk),
        lambda: [
            (term, [fold(form) for form in [term.term, *term.variant_list] if fold(form)])
            for term in GlossaryTerm.objects.filter(locale=locale)
        ],
    )


def names(form, folded_query):
    return bool(fold(form)) and names_folded(fold(form), folded_query)


def names_folded(folded_form, folded_query):
    return re.search(rf"(?<!\w){re.escape(folded_form)}(?!\w)", folded_query)


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


def ancestors_below_home(page):
    """Tree paths of `page`'s ancestors below the site root and its language's home page."""
    return ancestor_paths(page)[2:]


class ResultDetails:
    """Builds what a result shows besides its title, for the results of one language.

    `context_pages` holds, from one query, the ancestors of every page found (titles for the
    breadcrumbs, path levels for the filters) and the glossary and FAQ pages that glossary
    terms and questions link to.
    """

    def __init__(self, request, locale, stems, context_pages):
        self.request = request
        self.locale = locale
        self.stems = stems
        self.pages_by_path = {page.path: page for page in context_pages}
        self.anchor_pages = {
            page.specific_class: page
            for page in context_pages
            if page.specific_class in (GlossaryPage, FAQPage) and page.locale_id == locale.pk
        }
        self.page_texts = {}

    def level(self, page):
        paths = [*ancestors_below_home(page), page.path]
        return next(
            (
                self.pages_by_path[path].level
                for path in paths
                if path in self.pages_by_path and self.pages_by_path[path].level
            ),
            None,
        )

    def url(self, result):
        if result.kind == "external":
            return result.obj.url
        anchor_page = self.anchor_page(result)
        if anchor_page is not None:
            return f"{anchor_page.get_url(self.request)}#{result.obj.anchor}"
        if isinstance(result.obj, Page):
            return result.obj.get_url(self.request)
        # A term or question whose glossary or FAQ page isn't published.
        return ""

    def anchor_page(self, result):
        """The page a glossary term or FAQ question is an entry of, or None."""
        if isinstance(result.obj, GlossaryTerm):
            return self.anchor_pages.get(GlossaryPage)
        if isinstance(result.obj, FAQQuestion):
            return self.anchor_pages.get(FAQPage)
        return None

    def breadcrumbs(self, result):
        anchor_page = self.anchor_page(result)
        if anchor_page is not None:
            return [anchor_page.title]
        if not isinstance(result.obj, Page):
            return []
        return [
            self.pages_by_path[path].title
            for path in ancestors_below_home(result.obj)
            if path in self.pages_by_path
        ]

    def excerpt(self, result):
        obj = result.obj
        if isinstance(obj, Page):
            self.load_texts([obj])
            text = self.page_texts[obj.pk]
        elif isinstance(obj, GlossaryTerm):
            text = obj.definition
        elif isinstance(obj, FAQQuestion):
            text = re.sub(r"<[^>]+>", " ", obj.answer)
        else:
            text = obj.summary
        return highlight(text, self.stems)

    def load_texts(self, pages):
        """The indexed text of `pages`, title aside, which excerpts are cut from.

        PostgreSQL's search index keeps it as plain text: one query for every page shown. Else
        (SQLite's index doesn't keep it), from the pages' own fields: one query per page type.
        """
        missing = {page.pk: page for page in pages if page.pk not in self.page_texts}
        if not missing:
            return
        if connection.vendor == "postgresql":
            entries = IndexEntry.objects.filter(
                content_type_id__in={page.content_type_id for page in missing.values()},
                object_id__in=[str(pk) for pk in missing],
            ).values_list("content_type_id", "object_id", "body_text")
            for content_type_id, object_id, text in entries:
                page = missing.get(int(object_id))
                if page is not None and page.content_type_id == content_type_id and text:
                    self.page_texts[page.pk] = text
                    del missing[page.pk]
        if missing:
            self.page_texts.update(
                (page.pk, text_for_excerpt(page))
                for page in Page.objects.filter(pk__in=list(missing)).specific()
            )
        # A page in neither (not indexed yet): no excerpt rather than a query per page.
        self.page_texts.update((pk, "") for pk in missing if pk not in self.page_texts)


def describe(results):
    """Build the address, breadcrumb and excerpt of `results` (the ones shown), in bulk."""
    pages_by_details = {}
    for result in results:
        if isinstance(result.obj, Page):
            pages_by_details.setdefault(result.details, []).append(result.obj)
    for details, pages in pages_by_details.items():
        details.load_texts(pages)
    for result in results:
        result.url, result.breadcrumbs, result.excerpt  # noqa: B018 - cached_property, read to fill


class PortalSearch:
    def __init__(self, request, query, language, preferred_level=None):
        self.request = request
        # The path the member said fits them: at equal relevance, its results come first.
        self.preferred_level = preferred_level
        self.query = query
        self.language = language
        self.locales = locales()

    def run(self):
        locale = self.locales[self.language]
        if not re.search(r"\w", self.query):
            # Only punctuation: nothing any backend could match.
            return SearchOutcome(self.query, self.language, [])
        terms = matching_glossary_terms(self.query, locale, self.request)
        outcome = SearchOutcome(self.query, self.language, [], defined_terms=terms)
        outcome.promotions = self.promotions(locale)
        outcome.results = self.search_language(self.language, build_query(self.query, terms))
        if len(outcome.results) < FEW_RESULTS and len(self.query.split()) > 1:
            # Few pages have every word: add those with some of them, ranked lower.
            found = {(result.kind, result.obj.pk) for result in outcome.results}
            outcome.results += [
                result
                for result in self.search_language(
                    self.language,
                    build_query(self.query, terms, operator="or"),
                    weight=PARTIAL_MATCH_WEIGHT,
                )
                if (result.kind, result.obj.pk) not in found
            ]
        if outcome.results:
            return outcome

        corrected = suggest_spelling(self.query, locale)
        if corrected:
            corrected_terms = matching_glossary_terms(corrected, locale, self.request)
            results = self.search_language(self.language, build_query(corrected, corrected_terms))
            if results:
                outcome.results = results
                outcome.corrected_query = corrected
                outcome.defined_terms = corrected_terms
                return outcome

        for other_language, _name in settings.LANGUAGES:
            if other_language == self.language:
                continue
            other_terms = matching_glossary_terms(
                self.query, self.locales[other_language], self.request
            )
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
        if not (pages or terms or resources or questions):
            return []
        details = ResultDetails(
            self.request,
            locale,
            query_stems(self.query, *self.synonyms(search_query)),
            self.context_pages(locale, pages, terms, questions),
        )
        # (object, kind, title, what that kind adds) for every object found, whatever its model.
        found = [
            *(
                (
                    page,
                    content_type_of_class(page.specific_class or Page),
                    page.title,
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
    def search_kinds(backend_name, locale, search_query):
        backend = get_search_backend(backend_name)
        # Plain pages: their own fields are loaded only for the results shown (describe()).
        pages = list(
            backend.search(
                search_query,
                Page.objects.live().public().filter(locale=locale, depth__gt=2),
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
