"""Admin hooks for the translation dashboard: what is missing, outdated or unfinished, per language.

Translators land on their own language's queue: a member of the group "Translators NL" sees the
Dutch rows first (they can still pick another language or all of them). A missing translation
into a language they work in has a button that starts it with wagtail-localize and opens it in
the translation editor. Translated pages left without their source are listed apart.
"""

from collections import Counter
from functools import cached_property

import django_filters
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from translations import status as translation_status
from translations.status import State
from workflows.permissions import may_change
from workflows.roles import works_in

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


def may_start_translation(user, language):
    """Whether `user` may start a translation into `language` (a code), language alone."""
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    locale = Locale.objects.filter(language_code=language).first()
    return locale is not None and works_in(user, locale)


class TranslationColumn(Column):
    """The translation's editor, or a button that starts a missing one in the person's language."""

    cell_template_name = "translations/admin/translation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Cells render outside the request's context: the form needs its CSRF token.
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request else ""
        return context


class TranslationDashboardView(ReportView):
    page_title = _("Translations")
    header_icon = "site"
    index_url_name = "translations:dashboard"
    index_results_url_name = "translations:dashboard_results"
    results_template_name = "translations/admin/dashboard_results.html"
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
        TranslationColumn("translation_link", label=_("Translation"), accessor="language"),
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
    def overview(self):
        return translation_status.translation_overview()

    @cached_property
    def statuses(self):
        startable = {
            code
            for code, _name in settings.LANGUAGES
            if may_start_translation(self.request.user, code)
        }
        for row in self.overview.statuses:
            row.startable = bool(row.start_url) and row.language in startable
        # Work first, then what is closest to done, each in title order.
        return sorted(
            self.overview.statuses,
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
        context["orphans"] = self.rows_before_state(self.overview.orphans)
        return context


def may_see(user, instance):
    """Whether `user` may read `instance` to translate it: a live, public page or snippet, or one
    they may change."""
    if may_change(user, instance):
        return True
    if isinstance(instance, Page):
        return instance.live and not instance.get_view_restrictions().exists()
    if isinstance(instance, DraftStateMixin) and not instance.live:
        return False
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_any_permission(user, ["add", "change", "view"])


@method_decorator(transaction.atomic, name="post")
class StartTranslationView(View):
    """Starts the translation of one object into one of the person's languages (POST only)."""

    http_method_names = ["post"]

    def post(self, request, content_type_id, pk, language):
        # Refused with a 403 rather than the admin's redirect home: a forged or stale button.
        if not may_start_translation(request.user, language):
            return HttpResponseForbidden(_("You do not translate into this language."))
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        if model is None or not issubclass(model, TranslatableMixin):
            raise Http404
        instance = model.objects.filter(pk=pk).first()
        if instance is None:
            raise Http404
        if isinstance(instance, Page):
            instance = instance.specific
        if not may_see(request.user, instance):
            return HttpResponseForbidden(_("You may not see the page or item to translate."))
        locale = Locale.objects.get(language_code=language)
        existing = instance.get_translation_or_none(locale)
        if existing is None:
            TranslationCreator(request.user, [locale]).create_translations(instance)
            existing = instance.get_translation(locale)
            messages.success(
                request,
                _("Translation into %(language)s started.")
                % {"language": locale.get_display_name()},
            )
        # Wagtail's editor opens the translation editor for a synced translation.
        return redirect(translation_status.edit_url(type(existing), existing.pk))


def register_translation_dashboard_menu_item():
    return MenuItem(
        _("Translations"), reverse("translations:dashboard"), icon_name="site", order=250
    )
