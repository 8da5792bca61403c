"""Admin form for news items: offer only the tags of the item's own language."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if "tags" in self.fields:
            # The field already lists news tags: narrow it, without importing the models here.
            tags = self.fields["tags"].queryset
            self.fields["tags"].queryset = tags.filter(locale_id=locale_id)
            self.fields["tags"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["tags"].choices
            )
