"""The shape of a reference page: one per language under its home page, listing snippets.

The glossary and the FAQ are both built this way; the base lives here so neither app imports
the other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from portal.routing import PageRoutingMixin


class ReferencePage(PageRoutingMixin, Page):
    """A page under each home page that lists snippets of its language below a short intro."""

    intro = models.TextField(
        blank=True,
        help_text=_("One or two sentences shown at the top."),
        verbose_name=_("introduction"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
