"""The glossary: in-house words explained in plain language, and the page that lists them A to Z.

Both models were first made in the guides app: they keep their tables (`db_table`).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from portal.reference_page import ReferencePage
from portal.text import fold

from .variants import abbreviations, other_names, variants_written_in


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """An in-house word explained in plain language; found and linked in guides automatically."""

    term = models.CharField(
        max_length=100, help_text=_("The word as members meet it."), verbose_name=_("term")
    )
    definition = models.TextField(
        verbose_name=_("definition"),
        help_text=_("One to three plain sentences. Say what it means for the member."),
    )
    variants = models.TextField(
        verbose_name=_("variants"),
        blank=True,
        help_text=_(
            "Other forms found in texts, one per line: plurals, abbreviations (DA, ONSS), "
            "jargon spellings. They are linked to this entry too."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("variants")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.AutocompleteField("term"),
        index.SearchField("variants", boost=2),
        index.SearchField("definition"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "guides_glossaryterm"
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "term"], name="unique_glossary_term_per_locale"
            )
        ]

    def __str__(self):
        return self.term

    @property
    def anchor(self):
        return "term-" + (slugify(self.term) or str(self.pk))

    @property
    def variant_list(self):
        return variants_written_in(self.variants)

    @property
    def initial(self):
        return initial_of(self.term)

    @property
    def abbreviations(self):
        return abbreviations(self.term, self.variant_list)

    @property
    def other_names(self):
        """Variants a reader is told about: not the abbreviations, not plurals and such."""
        return other_names(self.term, self.variant_list)


def initial_of(text):
    letter = fold(text)[:1].upper()
    return letter if letter.isalpha() else "#"


@dataclass(frozen=True)
class AbbreviationEntry:
    """An abbreviation's own place in the A to Z, leading to the term it stands for."""

    abbreviation: str
    term: GlossaryTerm

    @property
    def anchor(self):
        return "abbr-" + (slugify(self.abbreviation) or str(self.term.pk))

    @property
    def initial(self):
        return initial_of(self.abbreviation)


class GlossaryPage(ReferencePage):
    """The glossary: every glossary term of this language, A to Z, each with its own anchor."""

    class Meta:
        db_table = "guides_glossarypage"
        verbose_name = _("glossary")
        verbose_name_plural = _("glossaries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = list(GlossaryTerm.objects.filter(locale_id=self.locale_id))
        spelled = {fold(term.term) for term in terms}
        # An abbreviation that is also a term of its own keeps that entry only.
        entries = terms + [
            AbbreviationEntry(abbreviation, term)
            for term in terms
            for abbreviation in term.abbreviations
            if fold(abbreviation) not in spelled
        ]
        entries.sort(
            key=lambda entry: fold(
                entry.abbreviation if isinstance(entry, AbbreviationEntry) else entry.term
            )
        )
        groups = {}
        for entry in entries:
            groups.setdefault(entry.initial, []).append(entry)
        context["term_groups"] = list(groups.items())
        context["alphabet"] = [
            (letter, letter in groups) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        ]
        return context
