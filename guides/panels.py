"""Read-only editor panels for guides."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """How easy the saved guide is to read, against its path's target, and its in-house words."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Plain language"))
        kwargs.setdefault(
            "help_text",
            _(
                "Worked out from the title, summary and steps as last saved. Save a draft to "
                "see the effect of your changes."
            ),
        )
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "guides/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            parent = getattr(self.form, "parent_page", None)
            context["readability"] = self.instance.readability(parent)
            return context
