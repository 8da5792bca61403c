"""Factories for the glossary page and its terms."""

import factory

from glossary.models import GlossaryPage, GlossaryTerm
from tests.portal.factories import PageFactory


class GlossaryPageFactory(PageFactory):
    title = "Lexique"
    slug = "lexique"
    intro = "Les mots de la coopérative expliqués simplement."

    class Meta:
        model = GlossaryPage


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    """A French glossary term; `variants` holds other forms, one a line."""

    term = factory.Sequence(lambda n: f"Terme {n}")
    definition = "Une explication simple de ce que ce mot veut dire pour vous."

    class Meta:
        model = GlossaryTerm
