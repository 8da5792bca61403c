"""Factories for pages and snippets the demo site doesn't have."""

import factory
import wagtail_factories

from glossary.models import GlossaryTerm
from guides.models import GuidePage, PathPage, TopicPage
from news.models import NewsPage, NewsTag


def step(title, body, tip=""):
    """One guide step in StreamField's raw form."""
    return {"type": "step", "value": {"title": title, "body": body, "tip": tip}}


class PathPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Path {n}")
    level = "basic"
    tagline = "For members with simple contracts"

    class Meta:
        model = PathPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = TopicPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "What this guide helps you do."
    steps = factory.LazyFunction(lambda: [step("Check your contract", "<p>Read it once.</p>")])

    class Meta:
        model = GuidePage


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Term {n}")
    definition = "A plain explanation."

    class Meta:
        model = GlossaryTerm


class NewsTagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")

    class Meta:
        model = NewsTag


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    author = "The communication team"
    summary = "A short summary."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>The details.</p>"}])

    class Meta:
        model = NewsPage
