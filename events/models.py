"""The agenda of each language, its events, and who registered for them."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import page_cache
from portal.blocks import BodyBlock
from portal.routing import PageRoutingMixin

from . import listing
from .calendar import calendar_bytes
from .choices import EventKind, RegistrationStatus
from .occurrences import Recurrence, last_end, occurrences, recurrence_description
from .structured_data import event_schema

OCCURRENCES_PER_PAGE = 20
# A repeated event's page lists its next few dates; the registration form offers more.
DATES_ON_PAGE = 4
PAST_PER_PAGE = 20
# Past events stay in the feeds a while, so calendars keep what members went to.
FEED_PAST_DAYS = 90

page_cache.vary_on_parameter("office", "kind", "month", "trade")


class AgendaPage(RoutablePageMixin, PageRoutingMixin, Page):
    """The agenda of one language: coming events with filters, past events, calendar feeds."""

    intro = models.TextField(
        blank=True, help_text=_("One sentence shown at the top."), verbose_name=_("introduction")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def events(self):
        return EventPage.objects.live().public().child_of(self).select_related("office")

    @path("")
    def coming(self, request):
        """Coming dates, earliest first, by office, kind of event and month."""
        offices = listing.offices_of(self.locale_id)
        chosen, office, trade = listing.chosen_filters(
            request, self.locale_id, ("office", "kind", "month"), offices
        )
        now = timezone.now()
        after, before = now, None
        if "month" in chosen:
            start, before = listing.month_bounds(chosen["month"])
            after = max(now, start)
        events = listing.attach_local_offices(
            listing.filter_events(self.events(), chosen, office, trade), offices.values()
        )
        dates = sorted(
            (date for event in events for date in event.occurrences(after, before)),
            key=lambda date: (date.starts_at, date.event.title),
        )
        page, paged = listing.page_of(request, dates, OCCURRENCES_PER_PAGE)
        page_cache.used_parameters(request, *chosen, *(["page"] if paged else []))
        response = self.render(
            request,
            context_overrides={
                "dates_page": page,
                "months": listing.coming_months(now),
                "offices": offices.values(),
                "kinds": EventKind.choices,
                "chosen": chosen,
                "feed_query": {k: v for k, v in chosen.items() if k != "month"},
            },
        )
        # The listing holds until its first date ends: kept no longer than that.
        if dates:
            page_cache.expire_at(response, min(date.ends_at for date in page.object_list))
        return response

    @path("past/", name="past")
    def past(self, request):
        """Events whose last date is over, latest first."""
        now = timezone.now()
        events = listing.attach_local_offices(
            [event for event in self.events().order_by("-starts_at") if event.is_past(now)],
            listing.offices_of(self.locale_id).values(),
        )
        page, paged = listing.page_of(request, events, PAST_PER_PAGE)
        page_cache.used_parameters(request, *(["page"] if paged else []))
        return self.render(
            request,
            template="events/past_events.html",
            context_overrides={"events_page": page},
        )

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """The agenda as a calendar feed: all of it, or one office's, kind's or trade's."""
        chosen, office, trade = listing.chosen_filters(
            request, self.locale_id, ("office", "kind", "trade")
        )
        events = listing.filter_events(self.events(), chosen, office, trade)
        name = " – ".join(
            [
                self.title,
                *([office.title] if office else []),
                *([str(EventKind(chosen["kind"]).label)] if "kind" in chosen else []),
                *([trade.name] if trade else []),
            ]
        )
        page_cache.used_parameters(request, *chosen)
        since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
        kept = [event for event in events.order_by("starts_at") if not event.is_past(since)]
        return listing.calendar_response(calendar_bytes(name, request, kept), name)


class EventPage(RoutablePageMixin, PageRoutingMixin, Page):
    """An event members can come to: a session, a workshop, the general assembly or a meet-up,
    at an office, elsewhere or online, once or repeated, with or without registration."""

    kind = models.CharField(
        max_length=30, choices=EventKind.choices, verbose_name=_("kind of event")
    )
    summary = models.TextField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences: what happens and who it is for. Shown in the agenda."),
    )
    starts_at = models.DateTimeField(
        verbose_name=_("starts"), help_text=_("Date and time in Brussels time.")
    )
    ends_at = models.DateTimeField(verbose_name=_("ends"))
    recurrence = models.CharField(
        max_length=10,
        choices=Recurrence.choices,
        blank=True,
        default=Recurrence.ONCE,
        verbose_name=_("repeats"),
    )
    repeat_until = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("repeats until"),
        help_text=_("The last day it may take place. Empty: it goes on until you end it."),
    )
    office = models.ForeignKey(
        "offices.OfficePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("The office it takes place at, or whose members it is for."),
    )
    venue = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("other place"),
        help_text=_("Name and address, when it is not at the office: 'Halles de Schaerbeek, …'."),
    )
    online_link = models.URLField(
        blank=True,
        verbose_name=_("online link"),
        help_text=_(
            "For an event online: the link to join. With places, only people who registered "
            "receive it."
        ),
    )
    places = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("places"),
        help_text=_(
            "How many people can come to each date. Empty: no registration, everyone is welcome."
        ),
    )
    trades = ParentalManyToManyField(
        "directory.Skill",
        blank=True,
        related_name="+",
        verbose_name=_("trades and skills"),
        help_text=_("Whom it concerns most: it then shows in these trades' calendars."),
    )
    organiser_email = models.EmailField(
        blank=True,
        verbose_name=_("organiser's e-mail address"),
        help_text=_("Who answers questions about it; told to people who register."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    # Members' own events (events/proposals.py): who proposed it, and an event it may repeat
    # (the same date, proposed twice or in another language), for the moderator to check.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    possible_duplicate = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("may repeat"),
        help_text=_(
            "Another event on the same day that may be the same one, proposed twice or in "
            "another language: check it before approving."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("repeat_until")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("office"), FieldPanel("venue"), FieldPanel("online_link")],
            heading=_("Where"),
        ),
        FieldPanel("places"),
        FieldPanel("trades"),
        FieldPanel("organiser_email"),
        FieldPanel("body"),
        FieldPanel("possible_duplicate", read_only=True),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    # Dates, place and places are the event's, whatever the language: kept in step on sync.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("recurrence"),
        SynchronizedField("trades"),
        SynchronizedField("venue"),
        SynchronizedField("online_link"),
        SynchronizedField("organiser_email"),
        SynchronizedField("possible_duplicate"),
    ]

    parent_page_types = ["events.AgendaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if (
            self.starts_at
            and self.ends_at
            and self.ends_at - self.starts_at > datetime.timedelta(days=14)
        ):
            errors["ends_at"] = _("An event lasts two weeks at most; repeat it instead.")
        if self.repeat_until and not self.recurrence:
            errors["repeat_until"] = _("Choose how it repeats, or leave this empty.")
        if self.repeat_until and self.starts_at and self.repeat_until < self.starts_at.date():
            errors["repeat_until"] = _("The last day comes after the first date.")
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self):
        return EventKind(self.kind).label if self.kind in EventKind.values else ""

    @property
    def repeats(self):
        """'Every Wednesday', 'Every second Thursday of the month', or ''."""
        return recurrence_description(self)

    @property
    def is_online(self):
        return bool(self.online_link)

    @property
    def has_registration(self):
        return self.places is not None

    def occurrences(self, after=None, before=None):
        return occurrences(self, after, before)

    def next_occurrences(self, count=8, now=None):
        return self.occurrences(after=now or timezone.now())[:count]

    def is_past(self, now=None):
        end = last_end(self)
        return end is not None and end <= (now or timezone.now())

    def with_places_left(self, dates):
        """[(date, places left)] for the coming `dates`, in one query; None without places."""
        if not self.has_registration or not dates:
            return [(date, None) for date in dates]
        taken = taken_places(self.translation_key, [date.starts_at for date in dates])
        return [
            (date, max(self.places - taken.get(date.starts_at, (0, 0))[0], 0)) for date in dates
        ]

    @path("")
    def event(self, request):
        now = timezone.now()
        dates = self.next_occurrences(count=DATES_ON_PAGE, now=now)
        self.local_office = self.office.localized if self.office else None
        response = self.render(
            request,
            context_overrides={
                "dates": self.with_places_left(dates),
                "is_past": self.is_past(now),
                "schema_org": event_schema(request, self, dates[0] if dates else None),
            },
        )
        if dates:
            # Kept until the next date ends at the latest. The places left may lag by the page
            # cache's lifetime; the registration form, never cached, counts them afresh.
            page_cache.expire_at(response, dates[0].ends_at)
        return response

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """ "Add to my calendar": the event, with all its dates."""
        return listing.calendar_response(calendar_bytes(self.title, request, [self]), self.slug)


def new_registration_token():
    return secrets.token_urlsafe(24)


def taken_places(event_key, starts=None):
    """{start: (registered, waiting)} for the dates `starts` of one event, in one query."""
    rows = Registration.objects.filter(event_key=event_key)
    if starts is not None:
        rows = rows.filter(starts_at__in=starts)
    counts = rows.values("starts_at").annotate(
        registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return {row["starts_at"]: (row["registered"], row["waiting"]) for row in counts}


class Registration(models.Model):
    """A person coming to one date of an event, or waiting for a place.

    Kept for the event's translations alike (by translation key): the French and the Dutch page
    of an event share its places. Forgotten a week after the date (forget_past_registrations).
    """

    event_key = models.UUIDField(db_index=True, verbose_name=_("event"))
    starts_at = models.DateTimeField(verbose_name=_("date"))
    name = models.CharField(max_length=100, verbose_name=_("name"))
    email = models.EmailField(verbose_name=_("e-mail address"))
    language = models.CharField(max_length=5, verbose_name=_("language"))
    status = models.CharField(
        max_length=12, choices=RegistrationStatus.choices, verbose_name=_("status")
    )
    token = models.CharField(max_length=40, unique=True, default=new_registration_token)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("registered on"))
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["starts_at", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "starts_at", "email"], name="one_registration_per_date"
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.starts_at:%Y-%m-%d %H:%M}"

    def event_in(self, language):
        """The live event page this registration is for, in `language` if translated."""
        pages = EventPage.objects.live().filter(translation_key=self.event_key)
        with translation.override(language):
            return pages.filter(locale__language_code=language).first() or pages.first()
