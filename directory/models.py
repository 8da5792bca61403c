"""The member directory: opt-in profiles, the trades and skills they name, and the contact relay.

A profile is a snippet with drafts, revisions and Wagtail's moderation workflow: what a member
writes waits as a revision until a moderator approves it, and only then reaches the fields that
visitors see (`live`). Erasing a profile deletes it with its revisions, workflow states, history
and messages (directory/erasure.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from .choices import (
    CONTENT_LANGUAGES,
    PUBLIC_FIELD_CHOICES,
    SPOKEN_LANGUAGES,
    codes_of,
    joined_codes,
)


class Skill(TranslatableMixin, models.Model):
    """A trade or skill members name on their profile; one list in French, Dutch and English."""

    TRADE = "trade"
    SKILL = "skill"
    KIND_CHOICES = [(TRADE, _("Trade")), (SKILL, _("Skill"))]

    kind = models.CharField(
        verbose_name=_("kind"),
        max_length=10,
        choices=KIND_CHOICES,
        default=SKILL,
        help_text=_("A trade is what a member does for a living; a skill is something they know."),
    )
    name = models.CharField(
        verbose_name=_("name"),
        max_length=100,
        help_text=_("As members say it: 'sound engineer', 'subtitling'."),
    )
    variants = models.TextField(
        verbose_name=_("other words"),
        blank=True,
        help_text=_(
            "Other words members use for it, one per line: jargon, abbreviations, plurals, "
            "Belgian wordings. A search for any of them finds the members with this skill."
        ),
    )

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("variants")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("trade or skill")
        verbose_name_plural = _("trades and skills")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="unique_skill_name_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]


class MemberProfile(WorkflowMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    """A member's entry in the directory, written by the member and approved by a moderator."""

    MEMBERS = "members"
    PUBLIC = "public"
    VISIBILITY_CHOICES = [
        (MEMBERS, _("Signed-in members only")),
        (PUBLIC, _("Everyone, including visitors who are not signed in")),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
        verbose_name=_("member"),
    )
    display_name = models.CharField(
        verbose_name=_("name shown"),
        max_length=80,
        help_text=_("The name other members see: a first name and initial is enough."),
    )
    trade = models.ForeignKey(
        Skill,
        verbose_name=_("trade"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Skill.TRADE},
    )
    skills = ParentalManyToManyField(
        Skill,
        verbose_name=_("skills"),
        blank=True,
        related_name="profiles",
        limit_choices_to={"kind": Skill.SKILL},
    )
    city = models.CharField(verbose_name=_("town or city"), max_length=80, blank=True)
    office = models.ForeignKey(
        "offices.OfficePage",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The cooperative's office the member works with."),
    )
    languages = models.CharField(
        verbose_name=_("languages spoken"),
        max_length=60,
        blank=True,
        help_text=_("Language codes, separated by commas."),
    )
    can_help_with = models.CharField(
        verbose_name=_("can help other members with"),
        max_length=20,
        blank=True,
        help_text=_("French, Dutch or English: the member reads and explains texts in them."),
    )
    bio = models.TextField(verbose_name=_("about me"), max_length=1200, blank=True)
    bio_language = models.CharField(
        verbose_name=_("language of 'about me'"),
        max_length=2,
        choices=CONTENT_LANGUAGES,
        default="fr",
    )
    portfolio_url = models.URLField(verbose_name=_("portfolio or website"), blank=True)
    offers = models.TextField(verbose_name=_("what I offer"), max_length=600, blank=True)
    looks_for = models.TextField(
        verbose_name=_("what I am looking for"), max_length=600, blank=True
    )
    visibility = models.CharField(
        verbose_name=_("who sees this profile"),
        max_length=10,
        choices=VISIBILITY_CHOICES,
        default=MEMBERS,
    )
    public_fields = models.CharField(
        verbose_name=_("fields visitors see"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a public profile: the fields also shown to visitors who are not signed in."
        ),
    )
    accepts_messages = models.BooleanField(
        verbose_name=_("accepts messages from members"), default=True
    )
    consent_given_at = models.DateTimeField(verbose_name=_("consent given on"))
    consent_version = models.CharField(verbose_name=_("version of the consent text"), max_length=20)
    # The yearly "still accurate?" question (directory/freshness.py).
    confirmed_at = models.DateTimeField(verbose_name=_("last confirmed on"), default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_as_stale = models.BooleanField(
        verbose_name=_("hidden: not confirmed within a month of the yearly question"),
        default=False,
    )
    # The language the member uses the portal in: e-mails to them are written in it.
    language = models.CharField(
        max_length=2, choices=CONTENT_LANGUAGES, default="fr", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("display_name"),
        MultiFieldPanel(
            [FieldPanel("trade"), FieldPanel("skills"), FieldPanel("city"), FieldPanel("office")],
            heading=_("Work"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("can_help_with")], heading=_("Languages")
        ),
        FieldPanel("bio"),
        FieldPanel("bio_language"),
        InlinePanel("bio_translations", label=_("'About me' in other languages")),
        FieldPanel("offers"),
        FieldPanel("looks_for"),
        FieldPanel("portfolio_url"),
        MultiFieldPanel(
            [FieldPanel("visibility"), FieldPanel("public_fields"), FieldPanel("accepts_messages")],
            heading=_("Privacy"),
        ),
    ]

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    # Kept as they are on the profile itself whatever a revision holds: consent, the yearly
    # check and the member's own settings change outside the review, and an older revision
    # approved later must not turn them back.
    FIELDS_OUTSIDE_REVIEW = [
        "user_id",
        "consent_given_at",
        "consent_version",
        "confirmed_at",
        "reminder_sent_at",
        "hidden_as_stale",
        "accepts_messages",
        "language",
        "created_at",
    ]

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.FIELDS_OUTSIDE_REVIEW:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def language_codes(self):
        return codes_of(self.languages, SPOKEN_LANGUAGES)

    @property
    def help_language_codes(self):
        return codes_of(self.can_help_with, CONTENT_LANGUAGES)

    @property
    def public_field_names(self):
        if self.visibility != self.PUBLIC:
            return []
        return codes_of(self.public_fields, PUBLIC_FIELD_CHOICES)

    def set_codes(self, field, codes):
        setattr(self, field, joined_codes(codes))

    @property
    def is_listed(self):
        return self.live and not self.hidden_as_stale


class BioTranslation(Orderable):
    """The member's 'about me' in another language: their own words, or a machine translation."""

    profile = ParentalKey(MemberProfile, on_delete=models.CASCADE, related_name="bio_translations")
    language = models.CharField(verbose_name=_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    text = models.TextField(verbose_name=_("text"), max_length=1200)
    machine_translated = models.BooleanField(
        verbose_name=_("machine-translated, not yet checked by the member"), default=False
    )

    panels = [FieldPanel("language"), FieldPanel("text"), FieldPanel("machine_translated")]

    class Meta(Orderable.Meta):
        verbose_name = _("'about me' in another language")


class ContactMessage(models.Model):
    """A message one member wrote to another through the relay; kept for limits and reports."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="directory_messages_sent"
    )
    recipient = models.ForeignKey(
        MemberProfile, on_delete=models.CASCADE, related_name="messages_received"
    )
    body = models.TextField(max_length=2000)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("message between members")
        verbose_name_plural = _("messages between members")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.recipient} ({self.sent_at:%Y-%m-%d})"


class AbuseReport(models.Model):
    """A member's report of a profile or a relayed message, for the moderators to look into."""

    profile = models.ForeignKey(
        MemberProfile,
        verbose_name=_("profile"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abuse_reports",
    )
    message = models.ForeignKey(
        ContactMessage,
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abuse_reports",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(verbose_name=_("what is wrong"), max_length=1000)
    reported_at = models.DateTimeField(verbose_name=_("reported on"), default=timezone.now)
    handled = models.BooleanField(verbose_name=_("handled"), default=False)

    panels = [FieldPanel("reason", read_only=True), FieldPanel("handled")]

    class Meta:
        verbose_name = _("report of abuse")
        verbose_name_plural = _("reports of abuse")
        ordering = ["handled", "-reported_at"]

    def __str__(self):
        if self.message_id:
            return str(_("Message of %(date)s") % {"date": self.message.sent_at.date()})
        return str(self.profile)
