"""What a search result is and how it shows: its kind, weight, address, breadcrumb and excerpt."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.models import IndexEntry

from events.models import AgendaPage, EventPage
from glossary.models import GlossaryPage, GlossaryTerm
from guides.models import (
    FAQPage,
    FAQQuestion,
    GuidePage,
    PathPage,
    TopicPage,
)
from news.models import NewsIndexPage, NewsPage
from opportunities.models import OpportunityBoardPage, OpportunityPage
from portal.routing import ancestor_paths

from .highlight import highlight
from .models import ExternalResource

# Members come for how-tos: at equal relevance a guide beats a news item mentioning the words.
KIND_WEIGHTS = {
    "guide": 1.5,
    "faq": 1.3,
    "path": 1.2,
    "glossary": 1.0,
    "about": 1.0,
    "news": 0.8,
    "event": 0.8,
    "opportunity": 0.8,
    "external": 0.7,
}

CONTENT_TYPES = {
    "guide": _("Guide"),
    "faq": _("Question"),
    "path": _("Path"),
    "news": _("News"),
    "event": _("Event"),
    "opportunity": _("Opportunity"),
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
        ((EventPage, AgendaPage), "event"),
        ((OpportunityPage, OpportunityBoardPage), "opportunity"),
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
    def key(self):
        """The object this result stands for, whichever search (all words, some words, another
        language) found it: one search's result is matched with another's by it."""
        return (self.kind, self.obj.pk)

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
    # What the other languages found is shown in the member's language where translated.
    translated_from_other_languages: bool = False
    # The spelling searched instead, when the query as typed found nothing.
    corrected_query: str | None = None
    # Pages editors promoted for this query, shown first.
    promotions: list = field(default_factory=list)
    # Nothing found answers the question well: the page says so and points to whom to ask.
    cannot_answer: bool = False


def mend_joins(text):
    """Text without the commas the search index puts between the parts of a page (its steps,
    its list items): 'contrat., Vous' reads 'contrat. Vous'."""
    return re.sub(r"([.!?:;…])\s*,(\s)", r"\1\2", text)


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
        # The path is named by the result's level badge already: not twice.
        path_shown = bool(self.level(result.obj))
        return [
            self.pages_by_path[path].title
            for path in ancestors_below_home(result.obj)
            if path in self.pages_by_path and not (path_shown and len(path) == Page.steplen * 3)
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
        return highlight(mend_joins(text), self.stems)

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
