"""The member's choices for the weekly e-mail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.choices import CONTENT_LANGUAGES

from .models import DigestSubscription


class DigestForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=CONTENT_LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("You receive the events and opportunities published in this language."),
    )
    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=None,
        required=False,
        empty_label=_("All offices"),
        help_text=_("You receive what concerns this office, and what concerns every office."),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Trades and skills"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "You receive what concerns one of these, and what concerns everyone. Tick none to "
            "receive everything."
        ),
    )

    def __init__(self, *args, offices, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["skills"].queryset = skills

    def save(self, user):
        """The member's subscription, made or changed to these choices."""
        data = self.cleaned_data
        subscription, _created = DigestSubscription.objects.update_or_create(
            user=user, defaults={"language": data["language"], "office": data["office"]}
        )
        subscription.skills.set(data["skills"])
        return subscription
