"""Pages of the cooperative's other websites, found by the portal's search."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class ExternalResource(index.Indexed, models.Model):
    """A page of another of the cooperative's websites, imported from its feed or sitemap."""

    title = models.CharField(verbose_name=_("title"), max_length=255)
    url = models.URLField(verbose_name=_("address"), max_length=500, unique=True)
    summary = models.TextField(verbose_name=_("summary"), blank=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("language"),
    )
    source_site = models.CharField(
        verbose_name=_("source site"),
        max_length=100,
        help_text=_("The website it comes from, as members know it."),
    )
    last_seen = models.DateTimeField(
        verbose_name=_("last seen"), help_text=_("When the import last found it in its source.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("summary"),
        FieldPanel("locale"),
        FieldPanel("source_site"),
        FieldPanel("last_seen", read_only=True),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("locale"),
        index.FilterField("source_site"),
    ]

    class Meta:
        verbose_name = _("external resource")
        verbose_name_plural = _("external resources")
        ordering = ["title"]

    def __str__(self):
        return self.title


class SearchQueryLog(models.Model):
    """How often members searched for a query, per language and day, and how many results it had."""

    query = models.CharField(verbose_name=_("query"), max_length=200)
    language = models.CharField(verbose_name=_("language"), max_length=5)
    day = models.DateField(
        verbose_name=_("day"),
    )
    searches = models.PositiveIntegerField(verbose_name=_("searches"), default=0)
    results = models.PositiveIntegerField(
        verbose_name=_("results"),
        default=0,
        help_text=_("Results found the last time it was searched that day."),
    )
    cannot_answer = models.PositiveIntegerField(
        verbose_name=_("ended on “we may not have the answer here”"),
        default=0,
        help_text=_("Searches that day for which no page held every word asked."),
    )

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="one_search_log_row_per_query_and_day"
            )
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return self.query


class SearchResultClick(models.Model):
    """How often members chose the result at a position for a query, per language and day.

    Nothing about who clicked is kept: no account, address, session or time finer than the day.
    """

    query = models.CharField(verbose_name=_("query"), max_length=200)
    language = models.CharField(verbose_name=_("language"), max_length=5)
    day = models.DateField(verbose_name=_("day"))
    position = models.PositiveSmallIntegerField(
        verbose_name=_("position"), help_text=_("1 for the first result, across result pages.")
    )
    kind = models.CharField(verbose_name=_("kind"), max_length=20)
    path = models.CharField(verbose_name=_("address"), max_length=500)
    clicks = models.PositiveIntegerField(verbose_name=_("clicks"), default=0)

    class Meta:
        verbose_name = _("search result click")
        verbose_name_plural = _("search result clicks")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day", "position", "path"],
                name="one_click_row_per_result_and_day",
            )
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return f"{self.query} → {self.path}"


class PendingSearchWrite(models.Model):
    """An object whose Elasticsearch documents must be brought up to date (search.search_writes).

    Written in the same transaction as the change itself, so no write is lost when
    Elasticsearch is slow or down: it stays pending until Elasticsearch has taken it.
    """

    model = models.CharField(verbose_name=_("kind of content"), max_length=100)
    object_id = models.CharField(verbose_name=_("object"), max_length=64)
    queued_at = models.DateTimeField(verbose_name=_("queued at"), db_index=True)
    # Kept for a day after sending, so a rebuild can resend what changed while it was filling.
    sent_at = models.DateTimeField(verbose_name=_("sent at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("pending search write")
        verbose_name_plural = _("pending search writes")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "object_id"], name="one_pending_write_per_object"
            )
        ]

    def __str__(self):
        return f"{self.model} {self.object_id}"


class SearchIndexRebuild(models.Model):
    """An Elasticsearch rebuild under way (search.backends.elasticsearch_indexes): the versioned
    indexes it fills, so that live writes reach them too and a second rebuild of the same index
    waits. Kept in the database, which every process shares, whatever the cache is."""

    alias = models.CharField(verbose_name=_("index"), max_length=200, unique=True)
    # [[language or null, versioned index name], …]
    versions = models.JSONField(verbose_name=_("indexes being filled"))
    renewed_at = models.DateTimeField(verbose_name=_("last sign of life"))

    class Meta:
        verbose_name = _("search index rebuild")
        verbose_name_plural = _("search index rebuilds")

    def __str__(self):
        return self.alias
