"""The home page of each language and the mission statement."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import AgendaPage
from events.upcoming import next_dates
from glossary.models import GlossaryPage
from guides.models import FAQPage, GuidePage, Level, PathPage
from guides.path_preference import paths_in_preferred_order, preferred_level
from news.models import NewsIndexPage, NewsPage
from portal import page_cache
from portal.blocks import BodyBlock
from portal.pages import localize_linked_pages
from portal.routing import PageRoutingMixin

LATEST_NEWS_COUNT = 3


class HomePage(PageRoutingMixin, Page):
    """The home page of one language: a welcome, the three paths, highlighted guides and news."""

    lead = models.TextField(
        verbose_name=_("lead"),
        help_text=_("Two or three sentences: what this portal is for and how to start."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        InlinePanel("featured_guides", label=_("Highlighted guides"), max_num=6),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "guides.PathPage",
        "glossary.GlossaryPage",
        "guides.FAQPage",
        "home.MissionPage",
        "offices.ContactPage",
        "news.NewsIndexPage",
        "events.AgendaPage",
        "opportunities.OpportunityBoardPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only paths show fields of their own; the other sections need no `.specific()` query.
        children = list(self.get_children().live().order_by("path"))
        context["preferred_level"] = preferred_level(request)
        context["paths"] = paths_in_preferred_order(
            sorted(
                PathPage.objects.child_of(self).live().order_by("path"),
                key=lambda path: Level.values.index(path.level),
            ),
            context["preferred_level"],
        )

        def first_of(page_type):
            return next((c for c in children if issubclass(c.specific_class, page_type)), None)

        context["mission"] = first_of(MissionPage)
        context["glossary"] = first_of(GlossaryPage)
        context["faq"] = first_of(FAQPage)
        news_index = first_of(NewsIndexPage)
        context["news_index"] = news_index
        context["latest_news"] = (
            NewsPage.objects.live()
            .child_of(news_index)
            .order_by("-date", "-pk")[:LATEST_NEWS_COUNT]
            if news_index
            else []
        )
        context["agenda"] = first_of(AgendaPage)
        context["next_dates"] = next_dates(context["agenda"], with_offices=False)
        context["featured_guides"] = localize_linked_pages(
            self.featured_guides.all(), "guide", self.locale_id, GuidePage
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        dates = getattr(response, "context_data", {}).get("next_dates")
        if dates:
            # The coming events hold until the first of them ends.
            page_cache.expire_at(response, dates[0].ends_at)
        return response


class HomePageFeaturedGuide(Orderable):
    """A guide highlighted on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_guides")
    guide = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )

    panels = [PageChooserPanel("guide", page_type="guides.GuidePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured guide")
        verbose_name_plural = _("featured guides")


class MissionPage(PageRoutingMixin, Page):
    """The mission statement: who we are, what we defend, where we want to be in ten years."""

    lead = models.TextField(
        help_text=_("The mission in one or two sentences."), verbose_name=_("lead")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mission statement")
        verbose_name_plural = _("mission statements")
