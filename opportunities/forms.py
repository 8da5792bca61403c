"""The forms members fill in: proposing an opportunity, and offering help with a call's language."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import CallLanguage, OpportunityKind
from .closing import today_in_brussels
from .models import HELP_LANGUAGES

# Calls further ahead than this are announced too early to be useful, or mistyped.
LONGEST_OPEN = datetime.timedelta(days=366)


class OpportunityProposalForm(forms.Form):
    """A member's opportunity, for the board once a moderator approved it."""

    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("What people will see on the board: 'Sound engineer wanted for a tour'."),
    )
    kind = forms.ChoiceField(label=_("Kind of opportunity"), choices=OpportunityKind.choices)
    summary = forms.CharField(
        label=_("What it offers, to whom"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or two sentences, 300 characters at most."),
    )
    organisation = forms.CharField(
        label=_("Offered by"),
        max_length=120,
        help_text=_("Your name, your project's or the organisation's."),
    )
    closes_on = forms.DateField(
        label=_("Last day to answer"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The next day it leaves the board by itself."),
    )
    call_language = forms.ChoiceField(
        label=_("Language of the call"),
        choices=CallLanguage.choices,
        help_text=_("The language people answer in."),
    )
    language_help_wanted = forms.BooleanField(
        label=_("I am looking for help with this language"),
        required=False,
        help_text=_("Members who offered help with it can then write to you."),
    )
    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=None,
        required=False,
        empty_label=_("None: the whole country"),
        help_text=_("The region it concerns, if any."),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Trades and skills it concerns"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    apply_url = forms.URLField(
        label=_("Where to answer"),
        required=False,
        assume_scheme="https",
        help_text=_("A page or a form, if there is one."),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address for questions"),
        help_text=_("Shown on the page; offers of language help are sent there too."),
    )

    def __init__(self, *args, offices, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["skills"].queryset = skills

    def clean_closes_on(self):
        day = self.cleaned_data["closes_on"]
        today = today_in_brussels()
        if day < today:
            raise forms.ValidationError(_("Choose a day to come: this one is past."))
        if day - today > LONGEST_OPEN:
            raise forms.ValidationError(_("Choose a day within a year."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("language_help_wanted") and data.get("call_language") not in HELP_LANGUAGES:
            self.add_error(
                "language_help_wanted",
                _("Members offer help with French, Dutch and English only."),
            )
        return data

    def opportunity_fields(self):
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "title",
                "kind",
                "summary",
                "organisation",
                "closes_on",
                "call_language",
                "language_help_wanted",
                "office",
                "apply_url",
                "contact_email",
            )
        }


class LanguageHelpForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Say how you can help: reading the call with them, checking their answer. They "
            "receive it by e-mail and answer you at your address."
        ),
    )
