"""Where every page and translatable snippet stands in each language, read from wagtail-localize.

A source (a `TranslationSource`: the object as it was when last synced) has, per other language,
one of four states:

- missing: nobody started a translation into that language;
- outdated: the source object changed after its last sync (a page published since, a snippet
  edited since), so its translations no longer say the same thing;
- in progress: some of the source's segments have no translation yet;
- up to date: every segment is translated and the source hasn't changed since.

An object of the source language never submitted for translation counts as missing in every
language it doesn't exist in. Everything is computed with a fixed number of queries (one per
translatable model, plus five), however many sources there are, so the dashboard stays fast
as content grows.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource

# Actions after which a snippet says something new. A page counts from its last publication.
SNIPPET_CHANGES = ["wagtail.create", "wagtail.edit", "wagtail.publish", "wagtail.revert"]


class State:
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    OUTDATED = "outdated"
    UP_TO_DATE = "up_to_date"

    choices = [
        (MISSING, _("Missing")),
        (IN_PROGRESS, _("In progress")),
        (OUTDATED, _("Outdated")),
        (UP_TO_DATE, _("Up to date")),
    ]
    labels = dict(choices)


@dataclass
class TranslationStatus:
    """One object in one target language."""

    title: str
    kind: str
    language: str
    source_language: str
    state: str
    percent: int
    section: str  # translation key of the page's top section (a Smart path…), "" for snippets
    source_url: str
    translation_url: str

    @property
    def state_label(self):
        return State.labels[self.state]


def translatable_models():
    """Pages and every translatable snippet, each by its base translatable model, once."""
    models = [Page]
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            base = model.get_translation_model()
            if base not in models:
                models.append(base)
    return models


def edit_url(model, pk):
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[pk])


class ObjectIndex:
    """Every translatable object, by (base model, translation key), with its copy per locale."""

    def __init__(self, models):
        self.models = models
        self.copies = defaultdict(dict)  # (model, key) -> {locale_id: values}
        self.changed_at = {}  # (model, pk) -> when the object last changed
        for model in models:
            if model is Page:
                rows = Page.objects.filter(depth__gt=1).values(
                    "pk",
                    "translation_key",
                    "locale_id",
                    "title",
                    "path",
                    "last_published_at",
                    "content_type_id",
                )
            else:
                rows = model.objects.values("pk", "translation_key", "locale_id")
            for row in rows:
                self.copies[model, row["translation_key"]][row["locale_id"]] = row
                if model is Page:
                    self.changed_at[Page, row["pk"]] = row["last_published_at"]
        snippet_types = {
            ContentType.objects.get_for_model(model).pk: model
            for model in models
            if model is not Page
        }
        # Snippets carry no change date of their own: the admin's history records each edit.
        for entry in (
            ModelLogEntry.objects.filter(
                content_type_id__in=snippet_types, action__in=SNIPPET_CHANGES
            )
            .values("content_type_id", "object_id")
            .annotate(last=Max("timestamp"))
        ):
            model = snippet_types[entry["content_type_id"]]
            if entry["object_id"].isdigit():
                self.changed_at[model, int(entry["object_id"])] = entry["last"]

    def model_for(self, content_type_id):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return model.get_translation_model() if model else None


def translation_statuses():
    """The state of every source object in every other language, as `TranslationStatus` rows."""
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    index = ObjectIndex(translatable_models())
    # The sections of the site are the pages right under each home page: the three Smart
    # paths, the glossary, the news… Every page belongs to the one its tree path starts with.
    path_length = Page.steplen * 3
    sections = {
        row["path"]: str(row["translation_key"])
        for (model, _key), copies in index.copies.items()
        if model is Page
        for row in copies.values()
        if len(row["path"]) == path_length
    }
    sources = list(
        TranslationSource.objects.values(
            "pk",
            "object_id",
            "specific_content_type_id",
            "locale_id",
            "object_repr",
            "last_updated_at",
        )
    )
    started = set(Translation.objects.values_list("source_id", "target_locale_id"))
    totals = dict(
        StringSegment.objects.values("source_id")
        .annotate(count=Count("pk"))
        .values_list("source_id", "count")
    )
    translated = {
        (row["source_id"], row["locale"]): row["count"]
        for row in StringSegment.objects.filter(
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", locale=F("string__translations__locale_id"))
        .annotate(count=Count("pk"))
    }

    sources_by_object = defaultdict(list)
    for source in sources:
        model = index.model_for(source["specific_content_type_id"])
        if model in index.models:
            sources_by_object[model, source["object_id"]].append(source)

    rows = []

    def add(model, key, source, locale_id, state, percent):
        copies = index.copies.get((model, key), {})
        original = copies.get(source["locale_id"]) if source else None
        target = copies.get(locale_id)
        tree_path = (original or {}).get("path", "")
        rows.append(
            TranslationStatus(
                title=source["object_repr"] if source else original_title(model, original),
                kind=kind_of(model, source, original),
                language=locales[locale_id],
                source_language=locales[source["locale_id"]] if source else "",
                state=state,
                percent=percent,
                section=sections.get(tree_path[:path_length], ""),
                source_url=edit_url(model, original["pk"]) if original else "",
                translation_url=edit_url(model, target["pk"]) if target else "",
            )
        )

    for (model, key), object_sources in sources_by_object.items():
        source_locales = {source["locale_id"] for source in object_sources}
        for locale_id in locales:
            if locale_id in source_locales:
                continue
            source = next(
                (s for s in object_sources if (s["pk"], locale_id) in started),
                object_sources[0],
            )
            if (source["pk"], locale_id) not in started:
                add(model, key, source, locale_id, State.MISSING, 0)
                continue
            total = totals.get(source["pk"], 0)
            done = translated.get((source["pk"], locale_id), 0)
            percent = 100 if not total else done * 100 // total
            original = index.copies.get((model, key), {}).get(source["locale_id"])
            changed_at = index.changed_at.get((model, original["pk"])) if original else None
            if changed_at and changed_at > source["last_updated_at"]:
                state = State.OUTDATED
            elif percent < 100:
                state = State.IN_PROGRESS
            else:
                state = State.UP_TO_DATE
            add(model, key, source, locale_id, state, percent)

    # Objects of the source language nobody submitted for translation yet.
    default_locale = next(
        (pk for pk, code in locales.items() if code == settings.LANGUAGE_CODE), None
    )
    never_submitted = defaultdict(list)
    for (model, key), copies in index.copies.items():
        if (model, key) in sources_by_object or default_locale not in copies:
            continue
        for locale_id in locales:
            if locale_id not in copies:
                never_submitted[model].append((key, locale_id, copies[default_locale]))
    for model, missing in never_submitted.items():
        if model is not Page:
            # Snippets are named by their own __str__: fetch those few, once per model.
            names = {
                obj.pk: str(obj)
                for obj in model.objects.filter(pk__in=[row["pk"] for _k, _l, row in missing])
            }
            for _key, _locale, row in missing:
                row["title"] = names.get(row["pk"], "")
        for key, locale_id, row in missing:
            pseudo_source = {
                "locale_id": default_locale,
                "object_repr": row["title"],
                "specific_content_type_id": row.get("content_type_id"),
            }
            add(model, key, pseudo_source, locale_id, State.MISSING, 0)
    return rows


def kind_of(model, source, original):
    """The verbose name of the object's own type: "guide", "glossary term"… (cached lookups)."""
    content_type_id = source.get("specific_content_type_id") or (original or {}).get(
        "content_type_id"
    )
    specific = (
        ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
    )
    return str((specific or model)._meta.verbose_name)


def original_title(model, original):
    return (original or {}).get("title", "")


def section_choices(language=None):
    """(translation key, title) of each section of the site, in `language` if it has them."""
    sections = Page.objects.filter(depth=3).order_by("path")
    for code in (language, settings.LANGUAGE_CODE):
        found = list(
            sections.filter(locale__language_code=code).values_list("translation_key", "title")
        )
        if found:
            return [(str(key), title) for key, title in found]
    return []
