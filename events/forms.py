"""The forms members fill in: registering for a date, and proposing their own event."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .occurrences import BRUSSELS


class RegistrationForm(forms.Form):
    date = forms.ChoiceField(label=_("Date"), widget=forms.RadioSelect)
    name = forms.CharField(
        label=_("Your name"), max_length=100, help_text=_("As the organisers may call you.")
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send the confirmation, a reminder the day before, and the link to cancel."),
    )

    def __init__(self, *args, dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.dates = {date.key: date for date in dates}
        self.fields["date"].choices = [
            (date.key, formats.date_format(timezone.localtime(date.starts_at), "DATETIME_FORMAT"))
            for date in dates
        ]
        if len(dates) == 1:
            self.fields["date"].initial = dates[0].key

    @property
    def chosen_date(self):
        return self.dates[self.cleaned_data["date"]]


class EventProposalForm(forms.Form):
    """A member's professional event, for the agenda once a moderator approved it."""

    title = forms.CharField(
        label=_("Name of the event"),
        max_length=120,
        help_text=_("What people will see in the agenda: 'Open studio: printmaking in Ghent'."),
    )
    summary = forms.CharField(
        label=_("What happens, for whom"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or two sentences, 300 characters at most."),
    )
    day = forms.DateField(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Brussels time."),
    )
    starts = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("To"), widget=forms.TimeInput(attrs={"type": "time"}))
    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=None,
        required=False,
        empty_label=_("None: another place or online"),
        help_text=_("Whose members it is for, or where it takes place."),
    )
    venue = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Name and address, if it is not at an office."),
    )
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("If people join online."),
    )
    places = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=_(
            "How many people can come. Empty: no registration, everyone is welcome. With places, "
            "people register on the portal and you see who is coming on your event's status page."
        ),
    )
    trades = forms.ModelMultipleChoiceField(
        label=_("Trades and skills it concerns"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organiser_email = forms.EmailField(
        label=_("E-mail address for questions"),
        help_text=_("Shown on the event's page."),
    )

    def __init__(self, *args, offices, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["trades"].queryset = skills

    def clean(self):
        data = super().clean()
        day, starts, ends = data.get("day"), data.get("starts"), data.get("ends")
        if day and starts and ends:
            start = datetime.datetime.combine(day, starts, tzinfo=BRUSSELS)
            if start <= timezone.now():
                self.add_error("day", _("Choose a day to come."))
            if ends <= starts:
                self.add_error("ends", _("The end must come after the start."))
            data["starts_at"] = start
            data["ends_at"] = datetime.datetime.combine(day, ends, tzinfo=BRUSSELS)
        if not (data.get("office") or data.get("venue") or data.get("online_link")):
            self.add_error("venue", _("Say where it takes place: an office, a place or a link."))
        return data

    def event_fields(self):
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "title",
                "summary",
                "starts_at",
                "ends_at",
                "office",
                "venue",
                "online_link",
                "places",
                "organiser_email",
            )
        }
