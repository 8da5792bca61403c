"""Factories for the news listing, news items and their tags."""

import factory

from news.models import NewsIndexPage, NewsPage, NewsTag
from tests.portal.factories import PageFactory


class NewsIndexPageFactory(PageFactory):
    title = "Actualités"
    slug = "actualites"
    intro = "Les nouvelles de la coopérative, les plus récentes d'abord."
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsTagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Outils {n}")
    slug = factory.Sequence(lambda n: f"outils-{n}")

    class Meta:
        model = NewsTag


class NewsPageFactory(PageFactory):
    """A news item (`parent=` a news index); `tags=[…]` files it under tags."""

    title = factory.Sequence(lambda n: f"Un nouvel outil pour vos factures ({n})")
    author = "L'équipe communication"
    summary = "Un résumé en une phrase de la nouvelle."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Tous les détails de la nouvelle.</p>"}]
    )

    class Meta:
        model = NewsPage
