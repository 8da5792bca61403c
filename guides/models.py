"""The three member paths, their topics and guides, and the plain-language glossary."""

import unicodedata

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from portal.pages import localize_linked_pages
from portal.routing import PageRoutingMixin

from .blocks import DownloadBlock, NeedBlock, StepBlock, VideoBlock


class Level(models.TextChoices):
    FACILE = "facile", "Smart Facile"
    BASIC = "basic", "Smart Basic"
    EXPERT = "expert", "Smart Expert"


class PathPage(PageRoutingMixin, Page):
    """An entry path for one kind of member (Smart Facile, Basic or Expert) listing its guides."""

    level = models.CharField(
        max_length=10,
        choices=Level.choices,
        help_text=_(
            "Facile: newcomers who never used the cooperative. Basic: simple contracts and basic "
            "information. Expert: developed activities (copyright, hiring, investments)."
        ),
    )
    tagline = models.CharField(max_length=160, help_text=_("One line saying who this path is for."))
    intro = models.TextField(blank=True, help_text=_("Two or three sentences shown at the top."))

    content_panels = Page.content_panels + [
        FieldPanel("level"),
        FieldPanel("tagline"),
        FieldPanel("intro"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("intro"),
        index.FilterField("level"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.TopicPage", "guides.GuidePage"]

    class Meta:
        verbose_name = _("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific().order_by("path")
        context["topics"] = [child for child in children if isinstance(child, TopicPage)]
        context["guides"] = [child for child in children if isinstance(child, GuidePage)]
        guides_by_topic = {topic.path: [] for topic in context["topics"]}
        for guide in (
            GuidePage.objects.live()
            .descendant_of(self)
            .filter(depth=self.depth + 2)
            .order_by("path")
        ):
            guides_by_topic[guide.path[: -Page.steplen]].append(guide)
        for topic in context["topics"]:
            topic.guide_list = guides_by_topic[topic.path]
        return context


class TopicPage(PageRoutingMixin, Page):
    """An optional group of related guides inside a path, such as 'Hiring and investing'."""

    intro = models.TextField(blank=True, help_text=_("One or two sentences shown at the top."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["guides.PathPage"]
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.child_of(self).live().order_by("path")
        return context


class GuidePage(PageRoutingMixin, Page):
    """A step-by-step guide: a summary, numbered steps, and optional video, downloads and links."""

    summary = models.TextField(
        max_length=300,
        help_text=_("One or two sentences: what this guide helps the member do."),
    )
    before_you_start = StreamField(
        [("item", NeedBlock(max_length=200))],
        blank=True,
        verbose_name=_("what you need"),
        help_text=_("Things to have at hand before starting, one per item."),
    )
    steps = StreamField([("step", StepBlock())], min_num=1)
    video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video tutorial"),
    )
    downloads = StreamField([("document", DownloadBlock())], blank=True)
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who keeps this guide accurate."),
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text=_("When someone last checked that this guide is still correct."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("before_you_start"),
        FieldPanel("steps"),
        FieldPanel("video"),
        FieldPanel("downloads"),
        InlinePanel("related_guides", label=_("Related guides"), max_num=4),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("last_reviewed")],
            heading=_("Keeping it accurate"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("before_you_start"),
        index.SearchField("steps"),
        index.SearchField("video"),
        index.AutocompleteField("summary"),
    ]

    parent_page_types = ["guides.PathPage", "guides.TopicPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_guides"] = localize_linked_pages(
            self.related_guides.all(), "guide", self.locale_id, GuidePage
        )
        # A path is always the child of a home page, so its tree path is known without a query.
        context["level"] = (
            PathPage.objects.filter(path=self.path[: Page.steplen * 3])
            .values_list("level", flat=True)
            .first()
        )
        return context


class GuideRelatedGuide(Orderable):
    """A link from a guide to another guide members often need next."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("guide", page_type="guides.GuidePage")]


def sort_key(text):
    """Sort words as a dictionary does: ignoring case and accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """An in-house word explained in plain language; found and linked in guides automatically."""

    term = models.CharField(max_length=100, help_text=_("The word as members meet it."))
    definition = models.TextField(
        help_text=_("One to three plain sentences. Say what it means for the member.")
    )
    variants = models.TextField(
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
        return [line.strip() for line in self.variants.splitlines() if line.strip()]

    @property
    def initial(self):
        letter = sort_key(self.term)[:1].upper()
        return letter if letter.isalpha() else "#"


class GlossaryPage(PageRoutingMixin, Page):
    """The glossary: every glossary term of this language, A to Z, each with its own anchor."""

    intro = models.TextField(blank=True, help_text=_("One or two sentences shown at the top."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = sorted(
            GlossaryTerm.objects.filter(locale_id=self.locale_id),
            key=lambda term: sort_key(term.term),
        )
        groups = {}
        for term in terms:
            groups.setdefault(term.initial, []).append(term)
        context["term_groups"] = list(groups.items())
        context["alphabet"] = [
            (letter, letter in groups) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        ]
        return context
