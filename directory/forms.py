"""The forms members fill in: their profile, a message through the relay, a report of abuse."""

from django import forms
from django.utils.translation import gettext_lazy as _

from offices.models import OfficePage

from .choices import (
    CONTENT_LANGUAGES,
    DEFAULT_PUBLIC_FIELDS,
    PUBLIC_FIELD_CHOICES,
    SPOKEN_LANGUAGES,
)
from .consent import CONSENT_TEXT
from .models import MemberProfile, Skill

MACHINE = "machine"


class SkillChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SkillsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ProfileForm(forms.Form):
    """A member's profile: what they show, to whom, and their consent to be listed."""

    display_name = forms.CharField(
        label=_("Name shown"),
        max_length=80,
        help_text=_("The name other members see: a first name and initial is enough."),
    )
    trade = SkillChoiceField(
        label=_("Trade"), queryset=Skill.objects.none(), required=False, empty_label=_("(none)")
    )
    skills = SkillsChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    city = forms.CharField(label=_("Town or city"), max_length=80, required=False)
    office = OfficeChoiceField(
        label=_("Office you work with"), queryset=None, required=False, empty_label=_("(none)")
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    can_help_with = forms.MultipleChoiceField(
        label=_("I can help other members with texts in"),
        help_text=_("Reading a letter or a call for projects together, explaining a word."),
        choices=CONTENT_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bio = forms.CharField(
        label=_("About me"),
        max_length=1200,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences about your work. At most 1,200 characters."),
    )
    bio_language = forms.ChoiceField(label=_("Written in"), choices=CONTENT_LANGUAGES)
    offers = forms.CharField(
        label=_("What I offer"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    looks_for = forms.CharField(
        label=_("What I am looking for"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    portfolio_url = forms.URLField(
        label=_("Portfolio or website"), required=False, assume_scheme="https"
    )
    visibility = forms.ChoiceField(
        label=_("Who sees your profile"),
        choices=MemberProfile.VISIBILITY_CHOICES,
        widget=forms.RadioSelect,
        initial=MemberProfile.MEMBERS,
    )
    public_fields = forms.MultipleChoiceField(
        label=_("On a public profile, visitors also see"),
        help_text=_(
            "Your name shown is always visible on a public profile. Members see everything."
        ),
        choices=PUBLIC_FIELD_CHOICES,
        required=False,
        initial=DEFAULT_PUBLIC_FIELDS,
        widget=forms.CheckboxSelectMultiple,
    )
    accepts_messages = forms.BooleanField(
        label=_("Members may write to me through the portal"),
        help_text=_("Your e-mail address is never shown. You can change this at any time."),
        required=False,
        initial=True,
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    def __init__(self, *args, language, needs_consent, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["trade"].queryset = Skill.objects.filter(
            locale__language_code=language, kind=Skill.TRADE
        ).order_by("name")
        self.fields["skills"].queryset = Skill.objects.filter(
            locale__language_code=language, kind=Skill.SKILL
        ).order_by("name")
        self.fields["office"].queryset = (
            OfficePage.objects.live().filter(locale__language_code=language).order_by("title")
        )
        if not needs_consent:
            del self.fields["consent"]
        for code, name in CONTENT_LANGUAGES:
            self.fields[f"bio_{code}"] = forms.CharField(
                label=_("About me in %(language)s") % {"language": name},
                max_length=1200,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            # Set when the text came from the machine, cleared when the member ticks the box.
            self.fields[f"bio_{code}_origin"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )
            self.fields[f"bio_{code}_checked"] = forms.BooleanField(
                label=_("I have read this machine translation and it says what I mean"),
                required=False,
            )

    def bio_translation_fields(self):
        """(language name, text field, origin field, checked field) for the other languages."""
        bio_language = (
            self.data.get("bio_language") if self.is_bound else self.initial.get("bio_language")
        )
        return [
            (
                code,
                name,
                self[f"bio_{code}"],
                self[f"bio_{code}_origin"],
                self[f"bio_{code}_checked"],
            )
            for code, name in CONTENT_LANGUAGES
            if code != bio_language
        ]

    def bio_translations(self):
        """[(language, text, machine_translated)] from the cleaned data."""
        translations = []
        for code, _name in CONTENT_LANGUAGES:
            text = self.cleaned_data.get(f"bio_{code}", "").strip()
            if text and code != self.cleaned_data["bio_language"]:
                machine = self.cleaned_data.get(f"bio_{code}_origin") == MACHINE and not (
                    self.cleaned_data.get(f"bio_{code}_checked")
                )
                translations.append((code, text, machine))
        return translations


class MessageForm(forms.Form):
    """A message to a member, relayed by e-mail without showing either address."""

    label_suffix = ""

    body = forms.CharField(
        label=_("Your message"),
        min_length=20,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Say who you are and why you write. The member answers you by e-mail if they wish."
        ),
    )


class ReportForm(forms.Form):
    """What is wrong with a profile or a message, for the moderators."""

    label_suffix = ""

    reason = forms.CharField(
        label=_("What is wrong?"),
        min_length=10,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
