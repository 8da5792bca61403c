"""Offices and services: whom to call for what, where, and whether the office is open now."""

import zoneinfo
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import page_cache
from portal.pages import absolute_url
from portal.routing import PageRoutingMixin
from portal.search_engines import share_image_url

from ..opening_hours import Closure, Range, opening_state
from ..search_text import teams_text
from .booklet import WelcomeBookletPage

OFFICE_TIME_ZONE = "Europe/Brussels"
# schema.org's day names, Monday first as Django's WEEKDAYS.
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Give a time zone such as Europe/Brussels."))


def phone_link(number):
    """A `tel:` address from a number as people write it: "+32 2 000 12 34" → "tel:+3220001234"."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


class Service(TranslatableMixin, models.Model):
    """A team members can reach, such as Billing or Salaries: what it handles, how to reach it."""

    name = models.CharField(
        max_length=100, help_text=_("As members know it: 'Salaries'."), verbose_name=_("name")
    )
    handles = models.TextField(
        verbose_name=_("what it handles"),
        help_text=_("One or two sentences, starting from the member's question."),
    )
    how_to_reach = models.TextField(
        blank=True,
        verbose_name=_("how best to reach it"),
        help_text=_("When to call, how quickly it answers, what to have at hand."),
    )
    phone = models.CharField(
        max_length=30, blank=True, help_text=_("As people dial it."), verbose_name=_("phone")
    )
    email = models.EmailField(blank=True, verbose_name=_("email address"))
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Services are listed from the smallest number to the largest.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("handles"),
        FieldPanel("how_to_reach"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [SynchronizedField("phone")]

    class Meta(TranslatableMixin.Meta):
        db_table = "home_service"
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def anchor(self):
        return "service-" + (slugify(self.name) or str(self.pk))

    @property
    def phone_link(self):
        return phone_link(self.phone)


class ContactPage(PageRoutingMixin, Page):
    """Whom to call for what: the services and how to reach them, and every office, open or not."""

    intro = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("One or two sentences: who to ask first, and what this page lists."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("teams_shown"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["offices.OfficePage"]
    max_count_per_parent = 1

    class Meta:
        db_table = "home_contactpage"
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def teams_shown(self):
        """For the search index: the teams the page lists."""
        return teams_text(Service.objects.filter(locale_id=self.locale_id))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        offices = list(
            OfficePage.objects.child_of(self)
            .live()
            .order_by("path")
            .prefetch_related("hours", "closures")
        )
        for office in offices:
            office.state = office.opening_state(now)
        services = list(Service.objects.filter(locale_id=self.locale_id))
        offices_by_service = {}
        for link in OfficeService.objects.filter(page__in=offices).select_related("service"):
            offices_by_service.setdefault(link.service.translation_key, []).append(link.page_id)
        for service in services:
            ids = offices_by_service.get(service.translation_key, [])
            service.offices = [office for office in offices if office.pk in ids]
        context["offices"] = offices
        context["services"] = services
        context["changes_at"] = min((o.state.changes_at for o in offices), default=None)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # "Open now" is only true until the next opening or closing: cache the page until then.
        page_cache.expire_at(response, response.context_data.get("changes_at"))
        return response


class OfficePage(PageRoutingMixin, Page):
    """An office: address, phone, e-mail, opening hours, closures and the services it handles."""

    intro = models.TextField(
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("One or two sentences: who this office is for."),
    )
    street_address = models.CharField(
        verbose_name=_("street address"),
        max_length=200,
        help_text=_("Street and number, as on a letter."),
    )
    postal_code = models.CharField(max_length=10, verbose_name=_("postal code"))
    locality = models.CharField(max_length=100, verbose_name=_("town or city"))
    phone = models.CharField(
        max_length=30, help_text=_("As people dial it: +32 2 000 12 34."), verbose_name=_("phone")
    )
    email = models.EmailField(verbose_name=_("email address"))
    time_zone = models.CharField(
        verbose_name=_("time zone"),
        max_length=64,
        default=OFFICE_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The office's hours are in this time zone; 'open now' is computed in it."),
    )
    directions = models.TextField(
        blank=True,
        verbose_name=_("getting there"),
        help_text=_("Public transport, parking, step-free access, which floor."),
    )
    latitude = models.DecimalField(
        verbose_name=_("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Where the office is, for maps and search engines: 50.83000 for Brussels."),
    )
    longitude = models.DecimalField(
        verbose_name=_("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("4.34500 for Brussels."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The building or the welcome desk, as members will see it when they come."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("directions"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Address"),
        ),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Phone and e-mail")),
        InlinePanel(
            "hours",
            label=_("Opening hours"),
            help_text=_("One line per opening range; add two lines for a day with a lunch break."),
        ),
        FieldPanel("time_zone"),
        InlinePanel(
            "closures",
            label=_("Closures"),
            help_text=_("Days the office is closed whatever its usual hours: holidays, a move."),
        ),
        InlinePanel("services", label=_("Services handled here")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("street_address"),
        index.SearchField("locality", boost=2),
        index.SearchField("teams_shown"),
    ]
    override_translatable_fields = [
        SynchronizedField("postal_code"),
        SynchronizedField("phone"),
        SynchronizedField("time_zone"),
    ]

    parent_page_types = ["offices.ContactPage"]
    subpage_types = ["offices.WelcomeBookletPage"]

    class Meta:
        db_table = "home_officepage"
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def teams_shown(self):
        """For the search index: the teams this office handles, in its language."""
        return teams_text(self.localized_services(), how_to_reach=False)

    @property
    def phone_link(self):
        return phone_link(self.phone)

    # Read once per page: the state, the table and the schema.org data all use them.
    @cached_property
    def hours_list(self):
        return list(self.hours.all())

    @cached_property
    def closures_list(self):
        return list(self.closures.all())

    def opening_state(self, now):
        ranges = [Range(h.weekday, h.opens, h.closes) for h in self.hours_list]
        closures = [Closure(c.start_date, c.end_date, c.reason) for c in self.closures_list]
        return opening_state(ranges, closures, self.time_zone, now)

    def weekly_hours(self):
        """(weekday name, [(opens, closes), …]) from Monday to Sunday; an empty list is closed."""
        days = {weekday: [] for weekday in WEEKDAYS}
        for hours in sorted(self.hours_list, key=lambda h: (h.weekday, h.opens)):
            days[hours.weekday].append((hours.opens, hours.closes))
        return [(weekday, WEEKDAYS[weekday], ranges) for weekday, ranges in days.items()]

    def upcoming_closures(self, today):
        return sorted(
            (closure for closure in self.closures_list if closure.end_date >= today),
            key=lambda closure: closure.start_date,
        )

    def localized_services(self):
        """The services handled here, in this office's language, in the order editors chose."""
        keys = [link.service.translation_key for link in self.services.all() if link.service_id]
        found = {
            service.translation_key: service
            for service in Service.objects.filter(
                locale_id=self.locale_id, translation_key__in=keys
            )
        }
        return [found[key] for key in keys if key in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["state"] = self.opening_state(now)
        context["weekly_hours"] = self.weekly_hours()
        context["closures"] = self.upcoming_closures(context["state"].today)
        context["services"] = self.localized_services()
        context["booklet"] = WelcomeBookletPage.objects.child_of(self).live().first()
        context["schema_org"] = self.schema_org(request, context["state"].today)
        context["sections"] = self.sections_from_other_apps(request)
        return context

    def sections_from_other_apps(self, request):
        """What other apps show on an office's page (the agenda's coming events), through the
        `office_page_sections` hook: each gives (HTML, when it stops being true) or None."""
        sections = [hook(self, request) for hook in hooks.get_hooks("office_page_sections")]
        return [section for section in sections if section is not None]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = response.context_data
        page_cache.expire_at(response, context["state"].changes_at)
        for _html, expires_at in context["sections"]:
            page_cache.expire_at(response, expires_at)
        return response

    @property
    def postal_address_schema(self):
        """The office's address as schema.org PostalAddress, for its page and for events and
        opportunities at it."""
        return {
            "@type": "PostalAddress",
            "streetAddress": self.street_address,
            "postalCode": self.postal_code,
            "addressLocality": self.locality,
            # Every office is in Belgium; sister organisations abroad have sites of their own.
            "addressCountry": "BE",
        }

    def schema_org(self, request, today):
        """schema.org LocalBusiness data: address, contacts, weekly hours and coming closures."""
        url = absolute_url(request, self)
        return {
            "@context": "https://schema.org",
            "@type": "LocalBusiness",
            "@id": url,
            "url": url,
            "name": self.title,
            "inLanguage": self.locale.language_code,
            "telephone": self.phone,
            "email": self.email,
            "image": share_image_url(request, self.image),
            **(
                {
                    "geo": {
                        "@type": "GeoCoordinates",
                        "latitude": float(self.latitude),
                        "longitude": float(self.longitude),
                    }
                }
                if self.latitude is not None and self.longitude is not None
                else {}
            ),
            "address": self.postal_address_schema,
            "openingHoursSpecification": [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[weekday]}",
                    "opens": opens.strftime("%H:%M"),
                    "closes": closes.strftime("%H:%M"),
                }
                for weekday, _name, ranges in self.weekly_hours()
                for opens, closes in ranges
            ],
            # Closed all day is opens = closes = 00:00, for the closure's days.
            "specialOpeningHoursSpecification": [
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": closure.start_date.isoformat(),
                    "validThrough": closure.end_date.isoformat(),
                    "opens": "00:00",
                    "closes": "00:00",
                    "description": closure.reason,
                }
                for closure in self.upcoming_closures(today)
            ],
        }


class OfficeHours(Orderable):
    """One opening range of an office on one weekday, such as Monday 9:00 to 12:30."""

    page = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(
        verbose_name=_("day"), choices=list(WEEKDAYS.items())
    )
    opens = models.TimeField(help_text=_("For example 09:00."), verbose_name=_("opens at"))
    closes = models.TimeField(help_text=_("For example 12:30."), verbose_name=_("closes at"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        db_table = "home_officehours"
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("The office must close after it opens.")})


class OfficeClosure(TranslatableMixin, Orderable):
    """Whole days an office is closed whatever its usual hours, with the reason members see."""

    page = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="closures")
    start_date = models.DateField(verbose_name=_("first day closed"))
    end_date = models.DateField(
        verbose_name=_("last day closed"), help_text=_("The same day for a one-day closure.")
    )
    reason = models.CharField(
        max_length=150, help_text=_("For example 'Christmas holidays'."), verbose_name=_("reason")
    )

    panels = [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("reason")]

    class Meta(TranslatableMixin.Meta):
        db_table = "home_officeclosure"
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["sort_order"]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The last day closed can't be before the first day closed.")}
            )


class OfficeService(Orderable):
    """A service an office handles, shown on the office page and the contact page."""

    page = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="services")
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )

    panels = [FieldPanel("service")]

    class Meta(Orderable.Meta):
        db_table = "home_officeservice"
        verbose_name = _("office service")
        verbose_name_plural = _("office services")
