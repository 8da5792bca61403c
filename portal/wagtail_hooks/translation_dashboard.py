"""Admin hooks for the translation dashboard: what is missing, outdated or unfinished, per language.

Translators land on their own language's queue: a member of the group "Translators NL" sees the
Dutch rows first (they can still pick another language or all of them).
"""

from collections import Counter
from functools import cached_property

import django_filters
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail_localize.models import TranslationSource

from portal import translation_status
from portal.admin_reports import report_urls
from portal.translation_status import State

# Which group's members see which language first; the groups are made by the roles migration.
TRANSLATOR_GROUPS = {f"Translators {code.upper()}": code for code, _name in settings.LANGUAGES}
STATE_ORDER = [state for state, _label in State.choices]


class TranslationStatusFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    section = django_filters.ChoiceFilter(label=_("Part of the site"), choices=[])

    class Meta:
        # The rows are computed, not a model; the filters only read the chosen values.
        model = TranslationSource
        fields = []

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["section"].extra["choices"] = sections
        self.form.fields["section"].choices = [("", "---------"), *sections]


class TranslationDashboardView(ReportView):
    page_title = _("Translations")
    header_icon = "site"
    index_url_name = "translation_dashboard"
    index_results_url_name = "translation_dashboard_results"
    results_template_name = "portal/translation_dashboard_results.html"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 100
    columns = [
        TitleColumn("title", label=_("Source"), get_url=lambda row: row.source_url),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        StatusTagColumn(
            "state_label", label=_("State"), primary=lambda row: row.state != State.UP_TO_DATE
        ),
        Column("percent", label=_("Translated (%)")),
        TitleColumn(
            "translation_link",
            label=_("Translation"),
            accessor="language",
            get_url=lambda row: row.translation_url,
        ),
    ]
    list_export = ["title", "kind", "language", "state_label", "percent"]
    export_headings = {
        "title": _("Source"),
        "kind": _("Type"),
        "language": _("Language"),
        "state_label": _("State"),
        "percent": _("Translated (%)"),
    }

    @cached_property
    def statuses(self):
        # Work first, then what is closest to done, each in title order.
        return sorted(
            translation_status.translation_statuses(),
            key=lambda row: (STATE_ORDER.index(row.state), row.title.casefold(), row.language),
        )

    def get_queryset(self):
        return self.statuses

    def default_language(self):
        names = self.request.user.groups.values_list("name", flat=True)
        return next((TRANSLATOR_GROUPS[name] for name in names if name in TRANSLATOR_GROUPS), "")

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        if "language" not in data:
            language = self.default_language()
            if language:
                data["language"] = language
        return {
            "data": data,
            "request": self.request,
            # Section names in the admin's language, as translators read them.
            "sections": translation_status.section_choices(get_language()),
        }

    def chosen(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    def rows_before_state(self, rows):
        chosen = self.chosen()
        if chosen.get("language"):
            rows = [row for row in rows if row.language == chosen["language"]]
        if chosen.get("section"):
            rows = [row for row in rows if row.section == chosen["section"]]
        return rows

    def filter_queryset(self, rows):
        rows = self.rows_before_state(rows)
        state = self.chosen().get("state")
        return [row for row in rows if row.state == state] if state else rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = Counter(row.state for row in self.rows_before_state(self.statuses))
        context["totals"] = [(label, counts[state]) for state, label in State.choices]
        return context


@hooks.register("register_admin_urls")
def register_translation_dashboard_urls():
    return report_urls("translations/", TranslationDashboardView, "translation_dashboard")


@hooks.register("register_admin_menu_item")
def register_translation_dashboard_menu_item():
    return MenuItem(
        _("Translations"), reverse("translation_dashboard"), icon_name="site", order=250
    )
