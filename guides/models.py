"""The three member paths, their topics and guides, and the frequently asked questions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from glossary.linking import terms_used_in
from portal import content_memo
from portal.pages import absolute_url, localize_linked_pages, public_pages
from portal.reference_page import ReferencePage
from portal.routing import PageRoutingMixin
from portal.search_engines import plain, share_image_url
from workflows.permissions import ReviewedPagePermissionTester

from . import readability
from .blocks import DownloadBlock, NeedBlock, StepBlock, VideoBlock
from .panels import ReadabilityPanel


class Level(models.TextChoices):
    FACILE = "facile", "Smart Facile"
    BASIC = "basic", "Smart Basic"
    EXPERT = "expert", "Smart Expert"


class PathPage(PageRoutingMixin, Page):
    """An entry path for one kind of member (Smart Facile, Basic or Expert) listing its guides."""

    level = models.CharField(
        verbose_name=_("level"),
        max_length=10,
        choices=Level.choices,
        help_text=_(
            "Facile: newcomers who never used the cooperative. Basic: simple contracts and basic "
            "information. Expert: developed activities (copyright, hiring, investments)."
        ),
    )
    tagline = models.CharField(
        max_length=160,
        help_text=_("One line saying who this path is for."),
        verbose_name=_("tagline"),
    )
    intro = models.TextField(
        blank=True,
        help_text=_("Two or three sentences shown at the top."),
        verbose_name=_("introduction"),
    )

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
        verbose_name_plural = _("paths")

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
            # A guide stays live when an editor unpublishes its topic: it is then not listed.
            if guide.path[: -Page.steplen] in guides_by_topic:
                guides_by_topic[guide.path[: -Page.steplen]].append(guide)
        for topic in context["topics"]:
            topic.guide_list = guides_by_topic[topic.path]
        return context


class TopicPage(PageRoutingMixin, Page):
    """An optional group of related guides inside a path, such as 'Hiring and investing'."""

    intro = models.TextField(
        blank=True,
        help_text=_("One or two sentences shown at the top."),
        verbose_name=_("introduction"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["guides.PathPage"]
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.child_of(self).live().order_by("path")
        context["level"] = path_level(request, self.path)
        return context


class GuidePage(PageRoutingMixin, Page):
    """A step-by-step guide: a summary, numbered steps, and optional video, downloads and links."""

    summary = models.TextField(
        verbose_name=_("summary"),
        max_length=300,
        help_text=_("One or two sentences: what this guide helps the member do."),
    )
    before_you_start = StreamField(
        [("item", NeedBlock(max_length=200))],
        blank=True,
        verbose_name=_("what you need"),
        help_text=_("Things to have at hand before starting, one per item."),
    )
    steps = StreamField([("step", StepBlock())], min_num=1, verbose_name=_("steps"))
    video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video tutorial"),
    )
    downloads = StreamField(
        [("document", DownloadBlock())], blank=True, verbose_name=_("downloads")
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who keeps this guide accurate."),
    )
    last_reviewed = models.DateField(
        verbose_name=_("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that this guide is still correct."),
    )
    review_by = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("review by"),
        help_text=_(
            "When this guide must be checked again. Left empty: a year after the last review."
        ),
    )
    simpler_guide = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("simpler version"),
        help_text=_(
            "The guide on the same subject in a simpler path, for 'Explain it more simply'."
        ),
    )
    detailed_guide = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("more detailed version"),
        help_text=_("The guide on the same subject in a more detailed path, for 'Tell me more'."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("before_you_start"),
        FieldPanel("steps"),
        FieldPanel("video"),
        FieldPanel("downloads"),
        ReadabilityPanel(),
        InlinePanel("related_guides", label=_("Related guides"), max_num=4),
        InlinePanel("faq_questions", label=_("Frequently asked questions"), max_num=6),
        MultiFieldPanel(
            [
                PageChooserPanel("simpler_guide", page_type="guides.GuidePage"),
                PageChooserPanel("detailed_guide", page_type="guides.GuidePage"),
            ],
            heading=_("The same subject in the other paths"),
        ),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("last_reviewed"), FieldPanel("review_by")],
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
        verbose_name_plural = _("guides")

    def readability(self, parent=None):
        """How easy the guide is to read, against its path's target, with the in-house words it
        uses (the editor's "Plain language" panel). `parent` places a guide not saved yet."""
        language = self.locale.language_code if self.locale_id else "fr"
        language = language if language in readability.FORMULAS else "fr"
        text = readability.guide_text(self)
        result = readability.score_text(text, language)
        # A new guide has no tree path yet: it will sit under `parent`.
        tree_path = self.path or (parent.path + "0" * Page.steplen if parent else "")
        result.level = path_level(None, tree_path)
        result.target = readability.TARGETS.get(result.level)
        result.jargon = terms_used_in(text, self.locale_id) if self.locale_id else []
        return result

    def permissions_for_user(self, user):
        # Guides reach readers only through review (settings.MODERATED_PAGE_TYPES).
        return ReviewedPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_guides"] = localize_linked_pages(
            self.related_guides.all(), "guide", self.locale_id, GuidePage
        )
        context["simpler_guide"], context["detailed_guide"] = self.counterparts()
        # The level switch says which path the other version belongs to: following it changes path.
        for key in ("simpler_guide", "detailed_guide"):
            if context[key] is not None:
                context[key].path_title = path_pages(request, self.locale_id).get(
                    path_level(request, context[key].path), ("", "")
                )[0]
        context["faq_questions"] = self.linked_questions()
        if context["faq_questions"]:
            faq_url = faq_page_url(request, self.locale_id)
            for question in context["faq_questions"]:
                question.url = f"{faq_url}#{question.anchor}" if faq_url else ""
        context["level"] = path_level(request, self.path)
        context["path"] = path_pages(request, self.locale_id).get(context["level"])
        context["schema_org"] = self.schema_org(request)
        return context

    def schema_org(self, request):
        """schema.org HowTo data: the guide's steps, in order, with what the member needs."""
        url = absolute_url(request, self)
        return {
            "@context": "https://schema.org",
            "@type": "HowTo",
            "@id": url,
            "url": url,
            "name": self.title,
            "description": self.summary,
            "inLanguage": self.locale.language_code,
            "image": share_image_url(request),
            "supply": [
                {"@type": "HowToSupply", "name": str(item.value)} for item in self.before_you_start
            ],
            "step": [
                {
                    "@type": "HowToStep",
                    "position": position,
                    "name": step.value["title"],
                    "text": plain(step.value["body"].source) or step.value["title"],
                    "url": f"{url}#step-{position}",
                }
                for position, step in enumerate(self.steps, start=1)
            ],
        }

    def clean(self):
        super().clean()
        if self.pk and self.pk in (self.simpler_guide_id, self.detailed_guide_id):
            raise ValidationError(_("A guide can't be its own simpler or more detailed version."))

    def counterparts(self):
        """The simpler and the more detailed guide, in this guide's language, in one query.

        The links point at whichever version an editor chose (usually the French one); readers
        get the live version of their own language, or nothing if it isn't translated yet.
        """
        ids = [self.simpler_guide_id, self.detailed_guide_id]
        if not any(ids):
            return None, None
        linked = Page.objects.filter(pk__in=[pk for pk in ids if pk])
        found = {
            page.linked_pk: page
            for page in public_pages(GuidePage.objects.live())
            .defer_streamfields()
            .filter(locale_id=self.locale_id, translation_key__in=linked.values("translation_key"))
            .annotate(
                linked_pk=models.Subquery(
                    linked.filter(translation_key=models.OuterRef("translation_key")).values("pk")[
                        :1
                    ]
                )
            )
        }
        return found.get(ids[0]), found.get(ids[1])

    def linked_questions(self):
        """The FAQ questions linked from this guide, in this guide's language and link order."""
        links = self.faq_questions.all()
        if isinstance(links, FakeQuerySet):
            # A preview or a revision holds its links in memory, where no subquery can reach them.
            keys = [link.question.translation_key for link in links if link.question_id]
            questions = {
                question.translation_key: question
                for question in FAQQuestion.objects.filter(
                    locale_id=self.locale_id, translation_key__in=keys
                )
            }
            return [questions[key] for key in keys if key in questions]
        return list(
            FAQQuestion.objects.filter(
                locale_id=self.locale_id,
                translation_key__in=links.values("question__translation_key"),
            )
            .annotate(
                link_order=models.Subquery(
                    links.filter(
                        question__translation_key=models.OuterRef("translation_key")
                    ).values("sort_order")[:1]
                )
            )
            .order_by("link_order")
        )


class GuideRelatedGuide(Orderable):
    """A link from a guide to another guide members often need next."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )

    panels = [PageChooserPanel("guide", page_type="guides.GuidePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related guide")
        verbose_name_plural = _("related guides")


class GuideFAQQuestion(Orderable):
    """A frequently asked question a guide points its readers to."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="faq_questions")
    question = models.ForeignKey(
        "guides.FAQQuestion", on_delete=models.CASCADE, related_name="+", verbose_name=_("question")
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("question of a guide")
        verbose_name_plural = _("questions of a guide")


class FAQTheme(TranslatableMixin, models.Model):
    """A theme the FAQ groups its questions under, such as 'Getting paid'."""

    name = models.CharField(max_length=80, verbose_name=_("name"))
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Themes are shown from the smallest number to the largest.")
    )

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("FAQ theme")
        verbose_name_plural = _("FAQ themes")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def anchor(self):
        return "theme-" + (slugify(self.name) or str(self.pk))


class FAQQuestion(TranslatableMixin, index.Indexed, models.Model):
    """A question members often ask, with a short plain answer; shown on the FAQ page."""

    question = models.CharField(
        verbose_name=_("question"),
        max_length=200,
        help_text=_("As a member would ask it: 'When do I get paid?'"),
    )
    answer = RichTextField(
        verbose_name=_("answer"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Answer in a few short sentences. Link to the guide that explains more."),
    )
    theme = models.ForeignKey(
        FAQTheme, on_delete=models.PROTECT, related_name="questions", verbose_name=_("theme")
    )
    level = models.CharField(
        max_length=10,
        choices=Level.choices,
        blank=True,
        verbose_name=_("path"),
        help_text=_("The path this question belongs to, if it concerns only one."),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Questions of a theme are shown from the smallest number up.")
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("theme"),
        FieldPanel("level"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        # Also indexed as its title, as a page's is: the question is what a member's query
        # matches best, and the search ranks a match in a title above one in running text. It
        # stays in the text too, which is ranked on every word the question and answer hold.
        index.SearchField("title", boost=3),
        index.SearchField("question", boost=3),
        index.AutocompleteField("question"),
        index.SearchField("answer"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("FAQ question")
        verbose_name_plural = _("FAQ questions")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.question

    @property
    def title(self):
        """The question, as the search indexes it."""
        return self.question

    @property
    def anchor(self):
        # The first words are enough to tell questions apart and keep links short.
        words = slugify(self.question).split("-")[:8]
        return "question-" + ("-".join(words) or str(self.pk))

    def get_url(self, request=None):
        """The question's place on the FAQ page of its language, or "" if there is none."""
        url = faq_page_url(request, self.locale_id)
        return f"{url}#{self.anchor}" if url else ""


class FAQPage(ReferencePage):
    """The frequently asked questions of this language, grouped by theme, each with an anchor."""

    class Meta:
        verbose_name = _("frequently asked questions")
        verbose_name_plural = _("frequently asked questions")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = {}
        questions = list(
            FAQQuestion.objects.filter(locale_id=self.locale_id).select_related("theme")
        )
        guides = self.guides_answering(request, questions)
        paths = path_pages(request, self.locale_id)
        for question in questions:
            question.guides = guides.get(question.translation_key, [])
            question.path = paths.get(question.level)
            themes.setdefault(question.theme, []).append(question)
        context["themes"] = sorted(
            themes.items(), key=lambda item: (item[0].sort_order, item[0].name)
        )
        context["schema_org"] = self.schema_org(request, context["themes"])
        return context

    def guides_answering(self, request, questions):
        """{question's translation key: [(title, url)]}: the live guides of this language that
        point their readers to each question, which the answer leads on to."""
        links = GuideFAQQuestion.objects.filter(
            question__translation_key__in=[question.translation_key for question in questions],
            page__locale_id=self.locale_id,
        )
        guides = {
            guide.pk: guide
            for guide in public_pages(GuidePage.objects.live())
            .defer_streamfields()
            .filter(pk__in=links.values("page_id"))
        }
        found = {}
        for key, guide_id in links.order_by("page__path").values_list(
            "question__translation_key", "page_id"
        ):
            if guide_id in guides:
                guide = guides[guide_id]
                found.setdefault(key, []).append((guide.title, guide.get_url(request)))
        return found

    def schema_org(self, request, themes):
        """schema.org FAQPage data, for search engines to show questions with their answers."""
        url = absolute_url(request, self)
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "url": url,
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "@id": f"{url}#{question.anchor}",
                    "name": question.question,
                    "acceptedAnswer": {"@type": "Answer", "text": expand_db_html(question.answer)},
                }
                for _theme, questions in themes
                for question in questions
            ],
        }


def faq_page_url(request, locale_id):
    """The address of the live FAQ page of a language, or "" if it has none."""

    def find():
        page = FAQPage.objects.live().filter(locale_id=locale_id).first()
        return page.get_url(request) if page else ""

    # The address is relative to the request's site, so it is kept per site.
    site = Site.find_for_request(request) if request is not None else None
    return content_memo.remember(request, ("FAQ page", getattr(site, "pk", None), locale_id), find)


def path_pages(request, locale_id):
    """{level: (title, url)} of the live paths of a language."""

    def find():
        return {
            path.level: (path.title, path.get_url(request))
            for path in PathPage.objects.live().filter(locale_id=locale_id)
        }

    site = Site.find_for_request(request) if request is not None else None
    return content_memo.remember(
        request, ("path pages", getattr(site, "pk", None), locale_id), find
    )


def path_level(request, tree_path):
    """The level of the path at or above the page at `tree_path` ("" above the paths)."""
    # A path is always the child of a home page, so its tree path is the first three steps.
    levels = content_memo.remember(
        request,
        ("path levels",),
        lambda: dict(PathPage.objects.values_list("path", "level")),
    )
    return levels.get(tree_path[: Page.steplen * 3], "")
