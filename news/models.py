"""News about the cooperative's life: a listing per language, items, tags and feeds."""

import datetime
import re

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import page_cache
from portal.blocks import BodyBlock
from portal.pages import absolute_url
from portal.routing import PageRoutingMixin
from portal.search_engines import organisation, share_image_url

from .feeds import NewsAtomFeed, NewsRssFeed
from .forms import NewsPageForm

NEWS_PER_PAGE = 10
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


class NewsTag(TranslatableMixin, models.Model):
    """A theme news items are filed under (tools, events, cooperative life), in each language."""

    name = models.CharField(max_length=60, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=60,
        help_text=_("Used in the address of the filtered list."),
        verbose_name=_("slug"),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_news_tag_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class NewsIndexPage(RoutablePageMixin, PageRoutingMixin, Page):
    """The news listing of one language, newest first, with a tag filter and RSS/Atom feeds."""

    intro = models.TextField(
        blank=True, help_text=_("One sentence shown at the top."), verbose_name=_("introduction")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news_items(self):
        return NewsPage.objects.live().child_of(self).order_by("-date", "-pk")

    def tags_in_use(self):
        return NewsTag.objects.filter(
            locale_id=self.locale_id,
            translation_key__in=NewsTag.objects.filter(news_pages__in=self.news_items()).values(
                "translation_key"
            ),
        ).order_by("name")

    @path("")
    def news_list(self, request):
        items = self.news_items()
        active_tag = None
        if tag_slug := request.GET.get("tag"):
            active_tag = NewsTag.objects.filter(locale_id=self.locale_id, slug=tag_slug).first()
            if active_tag is None:
                raise Http404("Unknown tag")
            # Translated news may still carry the source language's tags: match across languages.
            items = items.filter(tags__translation_key=active_tag.translation_key).distinct()
        paginator = Paginator(items, NEWS_PER_PAGE)
        page_number = request.GET.get("page", "1")
        # ASCII digits in their one spelling: str.isdigit() takes "²", which int() refuses,
        # and "01" would be a second address, and a second cached copy, of page 1.
        if not PAGE_NUMBER.fullmatch(page_number) or int(page_number) > paginator.num_pages:
            raise Http404("No such page")
        news_page = paginator.page(int(page_number))
        # Kept once per tag and page number; "?tag=" and "?page=1" spell the plain listing.
        confirmed = {"tag": active_tag is not None, "page": page_number != "1"}
        page_cache.used_parameters(request, *(name for name, ok in confirmed.items() if ok))
        return self.render(
            request,
            context_overrides={
                "news_page": news_page,
                "news_list": attach_localized_tags(news_page.object_list, self.locale_id),
                "tags": self.tags_in_use(),
                "active_tag": active_tag,
            },
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(PageRoutingMixin, Page):
    """A news item: date, author, tags, a short summary and the full text."""

    date = models.DateField(
        default=datetime.date.today,
        help_text=_("The date shown to readers."),
        verbose_name=_("date"),
    )
    author = models.CharField(
        max_length=100, help_text=_("A person or a team."), verbose_name=_("author")
    )
    tags = ParentalManyToManyField(
        NewsTag, blank=True, related_name="news_pages", verbose_name=_("tags")
    )
    summary = models.TextField(
        max_length=300,
        help_text=_("One or two sentences, shown in listings and feeds."),
        verbose_name=_("summary"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("text"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the item is shared in a message or found by a search engine. Without "
            "one, the portal's card is used."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("tags"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # wagtail-localize leaves many-to-many fields out; keep translations' tags in step on sync.
    override_translatable_fields = [SynchronizedField("tags")]

    base_form_class = NewsPageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def schema_org(self, request):
        """schema.org NewsArticle data: headline, dates, author, image, publisher."""
        url = absolute_url(request, self)
        published = self.first_published_at or self.last_published_at
        return {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": url,
            "url": url,
            "mainEntityOfPage": url,
            "headline": self.title[:110],
            "description": self.summary,
            # The language it is served in, which is the item's own, without reading its locale.
            "inLanguage": translation.get_language(),
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or published).isoformat()
            if (self.last_published_at or published)
            else self.date.isoformat(),
            # The byline, as editors write it (a person or a team).
            "author": {"@type": "Person", "name": self.author},
            "image": [share_image_url(request, self.image)],
            "publisher": organisation(request),
        }

    def clean(self):
        super().clean()
        # A translation starts with the source's tags; swap each for its own language's version
        # (when there is one) so editors of every language see and keep the right tags.
        tags = list(self.tags.all())
        translated = {
            tag.translation_key: tag
            for tag in NewsTag.objects.filter(
                locale_id=self.locale_id, translation_key__in=[tag.translation_key for tag in tags]
            )
        }
        self.tags = [translated.get(tag.translation_key, tag) for tag in tags]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["localized_tags"] = attach_localized_tags([self], self.locale_id)[0].localized_tags
        context["schema_org"] = self.schema_org(request)
        return context


def attach_localized_tags(news_items, locale):
    """Give each news item a `localized_tags` list in `locale` (a Locale or its id), in one query.

    Items may carry tags of another language (translations keep their source's tags): each link
    is read with the name and slug of its tag's version in `locale`, and links whose tag has no
    such version are left out.
    """
    news_items = list(news_items)
    localized = NewsTag.objects.filter(
        locale=locale, translation_key=OuterRef("newstag__translation_key")
    )
    links = (
        NewsPage.tags.through.objects.filter(newspage__in=[item.pk for item in news_items])
        .annotate(
            tag_id=Subquery(localized.values("pk")[:1]),
            tag_name=Subquery(localized.values("name")[:1]),
            tag_slug=Subquery(localized.values("slug")[:1]),
            tag_key=F("newstag__translation_key"),
        )
        .filter(tag_id__isnull=False)
        .values("newspage_id", "tag_id", "tag_name", "tag_slug", "tag_key")
    )
    tags_by_page = {}
    for link in links:
        tag = NewsTag(
            pk=link["tag_id"],
            name=link["tag_name"],
            slug=link["tag_slug"],
            translation_key=link["tag_key"],
            locale_id=getattr(locale, "pk", locale),
        )
        tags_by_page.setdefault(link["newspage_id"], {})[tag.pk] = tag
    for item in news_items:
        item.localized_tags = sorted(
            tags_by_page.get(item.pk, {}).values(), key=lambda tag: tag.name
        )
    return news_items
