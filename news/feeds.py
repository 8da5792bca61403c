"""RSS and Atom feeds of one language's news."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from portal import public_address
from portal.pages import absolute_url

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.news_index.title

    def link(self):
        return absolute_url(self.request, self.news_index)

    def description(self):
        return self.news_index.intro

    def feed_url(self):
        return public_address.absolute(self.request, self.request.path)

    def items(self):
        return self.news_index.news_items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(self.request, item)

    def item_author_name(self, item):
        return item.author

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.news_index.locale.language_code
        return feed


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
