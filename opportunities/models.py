"""The opportunities board of each language, its opportunities, and members' answers to calls for
language help."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.listing import calendar_response
from portal import page_cache
from portal.blocks import BodyBlock
from portal.routing import PageRoutingMixin
from portal.visitors import signed_in_user

from . import listing
from .choices import CallLanguage, OpportunityKind
from .closing import closes_at, is_open, open_on
from .closing_dates import closing_dates_calendar
from .helpers import helpers_for
from .structured_data import job_posting_schema

OPPORTUNITIES_PER_PAGE = 20

page_cache.vary_on_parameter("skill", "language")


class OpportunityBoardPage(RoutablePageMixin, PageRoutingMixin, Page):
    """The opportunities of one language: open calls with filters, and their closing dates as a
    calendar feed."""

    intro = models.TextField(
        blank=True, help_text=_("One sentence shown at the top."), verbose_name=_("introduction")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["opportunities.OpportunityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("opportunities board")
        verbose_name_plural = _("opportunities boards")

    def open_opportunities(self, today=None):
        """Live opportunities still open, the soonest to close first."""
        return open_on(OpportunityPage.objects.live().public().child_of(self), today).order_by(
            "closes_on", "title"
        )

    @path("")
    def board(self, request):
        """Open opportunities, by kind, skill and language of the call."""
        skills = listing.skills_of(self.locale_id)
        chosen, skill = listing.chosen_filters(request, self.locale_id, skills)
        # Open calls are a few hundred at most: read at once, counted without a second query.
        opportunities = list(listing.filter_opportunities(self.open_opportunities(), chosen, skill))
        page, paged = listing.page_of(request, opportunities, OPPORTUNITIES_PER_PAGE)
        page_cache.used_parameters(request, *chosen, *(["page"] if paged else []))
        response = self.render(
            request,
            context_overrides={
                "opportunities_page": page,
                "kinds": OpportunityKind.choices,
                "call_languages": CallLanguage.choices,
                "skills": skills,
                "chosen": chosen,
            },
        )
        # The listing holds until the first call on it closes.
        if page.object_list:
            page_cache.expire_at(response, min(closes_at(o) for o in page.object_list))
        return response

    @path("closing-dates/", name="closing_dates")
    def closing_dates(self, request):
        """The open opportunities' closing dates as a calendar feed, by kind or skill."""
        chosen, skill = listing.chosen_filters(request, self.locale_id)
        opportunities = listing.filter_opportunities(self.open_opportunities(), chosen, skill)
        page_cache.used_parameters(request, *chosen)
        name = " – ".join([self.title, *([skill.name] if skill else [])])
        return calendar_response(closing_dates_calendar(name, request, opportunities), name)


class OpportunityPage(PageRoutingMixin, Page):
    """A call for projects, a grant, a job or a collaboration, open until its closing date."""

    kind = models.CharField(
        max_length=30, choices=OpportunityKind.choices, verbose_name=_("kind of opportunity")
    )
    summary = models.TextField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two sentences: what it offers and to whom. Shown on the board."),
    )
    organisation = models.CharField(
        max_length=120,
        verbose_name=_("offered by"),
        help_text=_("The fund, organisation or member who offers it."),
    )
    closes_on = models.DateField(
        db_index=True,
        verbose_name=_("closing date"),
        help_text=_(
            "The last day to answer, included. The next day it leaves the board and the search "
            "by itself."
        ),
    )
    call_language = models.CharField(
        max_length=2,
        choices=CallLanguage.choices,
        verbose_name=_("language of the call"),
        help_text=_("The language the call itself is written in, and to be answered in."),
    )
    language_help_wanted = models.BooleanField(
        default=False,
        verbose_name=_("looking for language help"),
        help_text=_(
            "The page then shows the members who offered help with the call's language, and "
            "lets them offer it."
        ),
    )
    skills = ParentalManyToManyField(
        "directory.Skill",
        blank=True,
        related_name="+",
        verbose_name=_("trades and skills"),
        help_text=_("Whom it concerns: members following these receive it in their digest."),
    )
    office = models.ForeignKey(
        "offices.OfficePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("The office whose region it concerns. Empty: the whole country."),
    )
    apply_url = models.URLField(
        blank=True,
        verbose_name=_("where to answer"),
        help_text=_("The call's own page or form, if there is one."),
    )
    contact_email = models.EmailField(
        blank=True,
        verbose_name=_("contact e-mail address"),
        help_text=_("Who answers questions about it; offers of language help go there too."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("details"))
    # Members' own opportunities (opportunities/proposals.py): who proposed it, and one it may
    # repeat (the same call proposed twice, or in another language), for the moderator to check.
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
            "Another opportunity closing the same day that may be the same one, proposed twice "
            "or in another language: check it before approving."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("closes_on"), FieldPanel("office")]),
        MultiFieldPanel(
            [FieldPanel("call_language"), FieldPanel("language_help_wanted")],
            heading=_("Language"),
        ),
        FieldPanel("skills"),
        FieldRowPanel([FieldPanel("apply_url"), FieldPanel("contact_email")]),
        FieldPanel("body"),
        FieldPanel("possible_duplicate", read_only=True),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("organisation"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("closes_on"),
    ]
    # What the call is and where to answer it are the call's, whatever the page's language.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("organisation"),
        SynchronizedField("call_language"),
        SynchronizedField("skills"),
        SynchronizedField("apply_url"),
        SynchronizedField("contact_email"),
        SynchronizedField("possible_duplicate"),
    ]

    parent_page_types = ["opportunities.OpportunityBoardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def clean(self):
        super().clean()
        errors = {}
        if self.language_help_wanted and self.call_language not in HELP_LANGUAGES:
            errors["language_help_wanted"] = _(
                "Members offer help with French, Dutch and English only."
            )
        if self.language_help_wanted and not (self.contact_email or self.proposed_by_id):
            errors["contact_email"] = _("Say where offers of language help should go.")
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self):
        return OpportunityKind(self.kind).label if self.kind in OpportunityKind.values else ""

    @property
    def call_language_label(self):
        return CallLanguage(self.call_language).label if self.call_language else ""

    @property
    def closes_at(self):
        return closes_at(self)

    def is_open(self, now=None):
        return is_open(self, now)

    def help_address(self):
        """Where offers of language help are sent: the page's contact, else who proposed it."""
        if self.contact_email:
            return self.contact_email
        return self.proposed_by.email if self.proposed_by_id else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.local_office = self.office.localized if self.office else None
        context["is_open"] = self.is_open()
        context["schema_org"] = job_posting_schema(request, self)
        if self.language_help_wanted and context["is_open"]:
            # Read without touching a visitor's session, so their page stays cacheable.
            context["helpers"] = helpers_for(self, signed_in_user(request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.is_open():
            # Kept until the call closes at the latest: then the page says it is closed.
            page_cache.expire_at(response, self.closes_at)
        return response


HELP_LANGUAGES = {"fr", "nl", "en"}


class LanguageHelpOffer(models.Model):
    """A member's offer to help with the language of a call, sent to whoever asked for it.

    Kept to limit offers per member and per call; forgotten with the member's account.
    """

    opportunity_key = models.UUIDField(db_index=True, verbose_name=_("opportunity"))
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="language_help_offers",
        verbose_name=_("member"),
    )
    message = models.TextField(max_length=1000, verbose_name=_("message"))
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("offer of language help")
        verbose_name_plural = _("offers of language help")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity_key", "helper"], name="one_help_offer_per_call"
            )
        ]

    def __str__(self):
        return f"{self.helper} ({self.sent_at:%Y-%m-%d})"
