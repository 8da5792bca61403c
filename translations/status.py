"""Where every page and translatable snippet stands in each language, read from wagtail-localize.

A source (a `TranslationSource`: the object as it was when last synced) has, per other language,
one of six states:

- missing: nobody started a translation into that language;
- outdated: the source object changed after its last sync (a page published since, a snippet
  edited since), so its translations no longer say the same thing;
- in progress: some of the source's segments have no translation yet;
- machine-translated, not reviewed: every segment is translated, some by a machine, and nobody
  has approved the page through the review workflow since (or its latest revision is not live
  yet). A translator who edits a machine segment makes it theirs; snippets have no review, so
  for them only that counts;
- translated, not live yet: a page whose translation is complete but waits for review (a new
  draft translation, or a synced draft in the workflow): readers don't see it yet;
- up to date: every segment is translated by people (or reviewed), readers see it, and the
  source hasn't changed since.

An object of the source language never submitted for translation counts as missing in every
language it doesn't exist in. Translated pages left without their source are listed apart, as
orphans: the source page was deleted, or moved to a place that doesn't match the translation's.

Everything is computed with a fixed number of queries (one per translatable model, plus six),
however many sources there are, so the dashboard stays fast as content grows.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, Q
from django.db.models.fields.json import KT
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

# Actions after which a snippet says something new. A page counts from its last publication.
SNIPPET_CHANGES = ["wagtail.create", "wagtail.edit", "wagtail.publish", "wagtail.revert"]
# wagtail-localize makes every translated page with Wagtail's copy for translation, which logs
# the source's language: the only trace left once the source is deleted.
COPIED_FOR_TRANSLATION = "wagtail.copy_for_translation"
APPROVED = "wagtail.workflow.approve"
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


class State:
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    OUTDATED = "outdated"
    MACHINE_UNREVIEWED = "machine_unreviewed"
    NOT_LIVE = "not_live"
    UP_TO_DATE = "up_to_date"

    choices = [
        (MISSING, _("Missing")),
        (IN_PROGRESS, _("In progress")),
        (OUTDATED, _("Outdated")),
        (MACHINE_UNREVIEWED, _("Machine-translated, not reviewed")),
        (NOT_LIVE, _("Translated, not live yet")),
        (UP_TO_DATE, _("Up to date")),
    ]
    labels = dict(choices)


class Orphan:
    """Why a translated page has no source to follow any more."""

    SOURCE_DELETED = "source_deleted"
    SOURCE_MOVED = "source_moved"

    labels = {
        SOURCE_DELETED: _("Source page deleted"),
        SOURCE_MOVED: _("Source page moved elsewhere"),
    }


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
    # What it takes to start a missing translation: the source object and the target language.
    source_type_id: int | None = None
    source_pk: int | None = None
    # Whether the person looking may start it (set by the dashboard for its user).
    startable: bool = False

    @property
    def state_label(self):
        return State.labels[self.state]

    @property
    def start_url(self):
        if self.state != State.MISSING or self.source_pk is None:
            return ""
        return reverse(
            "translations:start",
            args=[self.source_type_id, self.source_pk, self.language],
        )


@dataclass
class OrphanedTranslation:
    """A translated page whose source page was deleted or moved away from it."""

    title: str
    kind: str
    language: str
    source_language: str
    reason: str
    live: bool
    translation_url: str

    @property
    def reason_label(self):
        return Orphan.labels[self.reason]


@dataclass
class Overview:
    statuses: list
    orphans: list


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
        self.pages = {}  # pk -> row, for pages
        self.key_at_path = {}  # tree path -> translation key, for pages
        for model in models:
            if model is Page:
                rows = Page.objects.filter(depth__gt=1).values(
                    "pk",
                    "translation_key",
                    "locale_id",
                    "title",
                    "path",
                    "depth",
                    "live",
                    "has_unpublished_changes",
                    "last_published_at",
                    "content_type_id",
                )
            else:
                rows = model.objects.values("pk", "translation_key", "locale_id")
            for row in rows:
                self.copies[model, row["translation_key"]][row["locale_id"]] = row
                if model is Page:
                    self.changed_at[Page, row["pk"]] = row["last_published_at"]
                    self.pages[row["pk"]] = row
                    self.key_at_path[row["path"]] = row["translation_key"]
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

    def parent_key(self, row):
        return self.key_at_path.get(row["path"][: -Page.steplen])


def page_history():
    """From the pages' history: which page was copied from which language, and each page's
    last approval in the review workflow."""
    copied_from, approved_at = {}, {}
    for entry in (
        PageLogEntry.objects.filter(action__in=[COPIED_FOR_TRANSLATION, APPROVED])
        .values("page_id", "action", source_locale=KT("data__source_locale__id"))
        .annotate(last=Max("timestamp"))
    ):
        if entry["action"] == APPROVED:
            approved_at[entry["page_id"]] = entry["last"]
        elif entry["source_locale"] and entry["source_locale"].isdigit():
            copied_from[entry["page_id"]] = int(entry["source_locale"])
    return copied_from, approved_at


def translation_statuses():
    """The state of every source object in every other language, as `TranslationStatus` rows."""
    return translation_overview().statuses


def translation_overview():
    """Every source object's state in every other language, and the orphaned translations."""
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
    translated, machine_at = {}, {}
    machine = Q(string__translations__translation_type=MACHINE)
    for row in (
        StringSegment.objects.filter(
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", locale=F("string__translations__locale_id"))
        .annotate(
            count=Count("pk"),
            machine_at=Max("string__translations__updated_at", filter=machine),
        )
    ):
        translated[row["source_id"], row["locale"]] = row["count"]
        machine_at[row["source_id"], row["locale"]] = row["machine_at"]
    copied_from, approved_at = page_history()

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
                source_type_id=ContentType.objects.get_for_model(model).pk,
                source_pk=original["pk"] if original else None,
            )
        )

    def reviewed(model, key, source, locale_id):
        """Whether no machine translation of the target waits for a person to review it."""
        machine_made_at = machine_at.get((source["pk"], locale_id))
        if machine_made_at is None:
            return True
        target = index.copies.get((model, key), {}).get(locale_id)
        if model is not Page or target is None:
            return False
        approval = approved_at.get(target["pk"])
        return (
            approval is not None
            and approval > machine_made_at
            and not target["has_unpublished_changes"]
        )

    def shown_to_readers(model, key, locale_id):
        """Whether readers see the page as translated: live, with no draft waiting for review."""
        target = index.copies.get((model, key), {}).get(locale_id)
        if model is not Page or target is None:
            return True
        return target["live"] and not target["has_unpublished_changes"]

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
            elif not reviewed(model, key, source, locale_id):
                state = State.MACHINE_UNREVIEWED
            elif not shown_to_readers(model, key, locale_id):
                state = State.NOT_LIVE
            else:
                state = State.UP_TO_DATE
            add(model, key, source, locale_id, state, percent)

    # Objects of the source language nobody submitted for translation yet.
    default_locale = next(
        (pk for pk, code in locales.items() if code == settings.LANGUAGE_CODE), None
    )
    never_submitted = defaultdict(list)
    for (model, key), copies in index.copies.items():
        if (model, key) in sources_by_object:
            continue
        origin = default_locale
        if origin not in copies:
            # Born in another language (a Dutch news item): its only copy, unless that copy was
            # translated from a source since deleted.
            (origin, row), *others = copies.items()
            if others or (model is Page and row["pk"] in copied_from):
                continue
        for locale_id in locales:
            if locale_id not in copies:
                never_submitted[model].append((key, locale_id, copies[origin]))
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
                "locale_id": row["locale_id"],
                "object_repr": row["title"],
                "specific_content_type_id": row.get("content_type_id"),
            }
            add(model, key, pseudo_source, locale_id, State.MISSING, 0)
    return Overview(statuses=rows, orphans=orphaned_pages(index, copied_from, locales))


def orphaned_pages(index, copied_from, locales):
    """Translated pages whose source page is gone, or sits under another parent than they do."""
    orphans = []
    for pk, row in index.pages.items():
        source_locale = copied_from.get(pk)
        if source_locale is None or source_locale == row["locale_id"]:
            continue
        source = index.copies[Page, row["translation_key"]].get(source_locale)
        if source is None:
            reason = Orphan.SOURCE_DELETED
        elif index.parent_key(source) != index.parent_key(row):
            reason = Orphan.SOURCE_MOVED
        else:
            continue
        orphans.append(
            OrphanedTranslation(
                title=row["title"],
                kind=kind_of(Page, {}, row),
                language=locales[row["locale_id"]],
                source_language=locales.get(source_locale, ""),
                reason=reason,
                live=row["live"],
                translation_url=edit_url(Page, pk),
            )
        )
    return sorted(orphans, key=lambda orphan: (orphan.title.casefold(), orphan.language))


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
