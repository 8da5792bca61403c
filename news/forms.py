"""Admin form for news items: offer only the tags of the item's own language."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import NewsTag

        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if "tags" in self.fields:
            self.fields["tags"].queryset = NewsTag.objects.filter(locale_id=locale_id)
            self.fields["tags"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["tags"].choices
            )
