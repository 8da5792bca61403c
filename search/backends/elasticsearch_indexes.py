"""Which Elasticsearch index an object is written to and a search reads; rebuilds behind aliases.

Every index the portal reads or writes is an alias (`portal_wagtailcore_page_fr`) over a versioned
index (`portal_wagtailcore_page_fr_20261204t131500_ab12`). A rebuild fills new versioned indexes
while searches keep reading the old ones, then moves every alias in one atomic `_aliases` request
and drops the old indexes: searches never see an empty or half-filled index.

Routing follows the content's language, not the interface's: an object goes to its own language's
index; the member search reads the language it searches (`search.backends.searching_in`);
anything else (the admin, choosers) reads every language. Models without a language (images,
documents) share one index analysed without a language's stemmer, so they are found from any
interface.
"""

import contextlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from modelsearch.backends.elasticsearch9 import Elasticsearch9Index

from .. import circuit_breaker, search_writes
from ..models import SearchIndexRebuild
from . import searched_language
from .postgres import language_of

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# A rebuild renews its mark with each batch it sends (a batch takes BULK_TIMEOUT at most): one
# silent for longer has stopped, and neither holds back live writes nor blocks the next rebuild.
REBUILD_SILENT_AFTER = timedelta(minutes=15)
BULK_TIMEOUT = 60


def versioned_name(alias):
    stamp = timezone.now().strftime("%Y%m%dt%H%M%S")
    return f"{alias}_{stamp}_{secrets.token_hex(2)}"


class AliasedIndex(Elasticsearch9Index):
    """One index as the portal sees it: an alias over a versioned index.

    `language` picks the analysis (None: no language's stemmer). Writes carry `require_alias`, so
    a write that reaches a missing alias fails (and waits in the write queue) instead of letting
    Elasticsearch create an index of that name with a mapping guessed from one document.
    """

    def __init__(self, backend, name, language, physical_name=None):
        super().__init__(backend, name)
        self.language = language
        self.physical_name = physical_name

    def put(self):
        """Create a versioned index and point this alias at it (first setup, or a reset)."""
        physical = self.physical_name or versioned_name(self.name)
        body = self.backend.settings_for_language(self.language)
        if not self.physical_name:
            body = {**body, "aliases": {self.name: {}}}
        self.es.indices.create(index=physical, **body)

    def delete(self):
        """Drop the indexes behind the alias (or a plain index of that name)."""
        for name in self.concrete_names():
            self.es.indices.delete(index=name)

    def concrete_names(self):
        if self.physical_name:
            return [self.physical_name] if self.es.indices.exists(index=self.physical_name) else []
        if self.es.indices.exists_alias(name=self.name):
            return sorted(self.es.indices.get_alias(name=self.name).body)
        return [self.name] if self.es.indices.exists(index=self.name) else []

    def reset(self):
        self.delete()
        self.put()

    def exists(self):
        return bool(self.es.indices.exists(index=self.target))

    @property
    def target(self):
        return self.physical_name or self.name

    def refresh(self):
        self.es.indices.refresh(index=self.target)

    def add_model(self, model):
        mapping = self.mapping_class(model)
        self.es.indices.put_mapping(index=self.target, **mapping.get_mapping())

    def add_item(self, item):
        mapping = self.mapping_class(item.__class__)
        self.es.index(
            index=self.target,
            id=mapping.get_document_id(item),
            document=mapping.get_document(item),
            require_alias=not self.physical_name,
        )

    def add_items(self, model, items):
        mapping = self.mapping_class(model)
        actions = [
            {"_id": mapping.get_document_id(item), **mapping.get_document(item)} for item in items
        ]
        if actions:
            # Batches of a rebuild are large: they get longer than a search's timeout.
            self.backend.bulk(
                self.es.options(request_timeout=BULK_TIMEOUT),
                actions,
                index=self.target,
                require_alias=not self.physical_name,
            )


def rebuilds_under_way():
    """{alias: {language: versioned index}} of the rebuilds filling new indexes now.

    Read once per batch of live writes, not once per write: the table is nearly always empty,
    and a rebuild that starts after the read resends what was sent meanwhile (its catch-up).
    """
    rows = SearchIndexRebuild.objects.filter(
        renewed_at__gte=timezone.now() - REBUILD_SILENT_AFTER
    ).values_list("alias", "versions")
    return {alias: dict(versions) for alias, versions in rows if versions}


class ModelIndexes:
    """The indexes of one model's objects, seen by modelsearch as a single index.

    Translatable models get one per language; the others one shared index.
    """

    def __init__(self, backend, base_name, translatable, versions=None):
        self.backend = backend
        self.base_name = base_name
        versions = versions or {}
        if translatable:
            self.indexes = {
                language: AliasedIndex(
                    backend, f"{base_name}_{language}", language, versions.get(language)
                )
                for language in LANGUAGES
            }
        else:
            self.indexes = {None: AliasedIndex(backend, base_name, None, versions.get(None))}

    @property
    def name(self):
        """What a search reads: the language searched, or every language."""
        language = searched_language.get()
        if language in self.indexes:
            return self.indexes[language].target
        return ",".join(index.target for index in self.indexes.values())

    def index_for(self, obj):
        if None in self.indexes:
            return self.indexes[None]
        return self.indexes.get(language_of(obj), self.indexes[settings.LANGUAGE_CODE])

    def rebuilding(self, rebuilds):
        """The versioned indexes a rebuild is filling now, or None.

        `rebuilds`: what `rebuilds_under_way()` read, once for a whole batch of writes.
        """
        versions = rebuilds.get(self.base_name)
        if not versions:
            return None
        return ModelIndexes(self.backend, self.base_name, None not in self.indexes, versions)

    def writable(self, rebuilds):
        """The indexes a live write must reach: these, and a rebuild's new ones."""
        return [self, *filter(None, [self.rebuilding(rebuilds)])]

    def on_each(self, method, *args):
        """Call `method` on each of the model's indexes (modelsearch manages them as one)."""
        for index in self.indexes.values():
            getattr(index, method)(*args)

    def put(self):
        self.on_each("put")

    def delete(self):
        self.on_each("delete")

    def reset(self):
        self.on_each("reset")

    def refresh(self):
        self.on_each("refresh")

    def exists(self):
        return all(index.exists() for index in self.indexes.values())

    def is_alias(self):
        return True

    def add_model(self, model):
        self.on_each("add_model", model)

    def add_item(self, item):
        self.index_for(item).add_item(item)

    def add_items(self, model, items):
        batches = {}
        for item in items:
            index = self.index_for(item)
            batches.setdefault(index.target, (index, []))[1].append(item)
        for index, batch in batches.values():
            index.add_items(model, batch)

    def delete_item(self, item):
        document_id = self.backend.mapping_class(item.__class__).get_document_id(item)
        # Its language may have changed since it was written: remove it wherever it is, in one
        # request (a document missing from an index is not an error in a bulk request).
        answer = self.backend.es.bulk(
            operations=[
                {"delete": {"_index": index.target, "_id": document_id}}
                for index in self.indexes.values()
            ]
        )
        if answer.get("errors"):
            # An HTTP 200 whose operations were refused in part (an overloaded cluster): the
            # write must stay pending, not count as sent.
            refused = [item["delete"] for item in answer["items"] if "error" in item["delete"]]
            raise circuit_breaker.PartialWrite(f"{len(refused)} deletions refused: {refused[0]}")

    def get_key(self):
        return self.base_name

    def __str__(self):
        return self.base_name


class RebuildAlreadyRunning(CommandError):
    """`update_index` while another rebuild of the same index is filling it."""


@contextlib.contextmanager
def released_on_failure(alias):
    """A rebuild that fails (Elasticsearch down, an interrupted command) gives way at once: only
    one whose process was killed holds back the next for REBUILD_SILENT_AFTER."""
    try:
        yield
    except BaseException:
        SearchIndexRebuild.objects.filter(alias=alias).delete()
        raise


class IndexesBeingFilled(ModelIndexes):
    """A rebuild's new indexes: each batch sent renews the rebuild's sign of life."""

    def add_model(self, model):
        with released_on_failure(self.base_name):
            super().add_model(model)

    def add_items(self, model, items):
        with released_on_failure(self.base_name):
            super().add_items(model, items)
        SearchIndexRebuild.objects.filter(alias=self.base_name).update(renewed_at=timezone.now())


class AliasSwitchingRebuilder:
    """`update_index` without downtime: fill new versioned indexes, then switch the aliases."""

    def __init__(self, indexes):
        self.live = indexes
        versions = {
            language: versioned_name(index.name) for language, index in indexes.indexes.items()
        }
        self.new = IndexesBeingFilled(
            indexes.backend, indexes.base_name, None not in indexes.indexes, versions
        )

    def start(self):
        self.started = timezone.now()
        self.claim()
        with released_on_failure(self.live.base_name):
            self.drop_abandoned_indexes()
            self.new.put()
            # Only now that they exist: a live write to a missing index would have
            # Elasticsearch create it with a mapping guessed from one document.
            SearchIndexRebuild.objects.filter(alias=self.live.base_name).update(
                versions=[
                    [language, index.physical_name] for language, index in self.new.indexes.items()
                ]
            )
        return self.new

    def claim(self):
        """Mark the rebuild as under way, or refuse if another one is (its indexes would be
        dropped as abandoned, and the two would switch the aliases in turn)."""
        alias = self.live.base_name
        with transaction.atomic():
            SearchIndexRebuild.objects.filter(
                alias=alias, renewed_at__lt=self.started - REBUILD_SILENT_AFTER
            ).delete()
            rebuild, claimed = SearchIndexRebuild.objects.get_or_create(
                alias=alias,
                defaults={"versions": [], "renewed_at": self.started},
            )
        if not claimed:
            raise RebuildAlreadyRunning(
                f"Another rebuild of {alias} is under way (last sign of life at "
                f"{timezone.localtime(rebuild.renewed_at):%H:%M:%S}). Run update_index again "
                f"once it has finished, or {REBUILD_SILENT_AFTER.seconds // 60} minutes after "
                "it stopped."
            )

    def drop_abandoned_indexes(self):
        """Versioned indexes no alias points to: left by a rebuild that stopped halfway."""
        es = self.live.backend.es
        for alias in self.live.indexes.values():
            versioned = re.compile(rf"^{re.escape(alias.name)}_\d{{8}}t\d{{6}}_[0-9a-f]{{4}}$")
            found = es.indices.get(index=f"{alias.name}_*", allow_no_indices=True).body
            for name, details in found.items():
                if versioned.match(name) and not details.get("aliases"):
                    es.indices.delete(index=name, ignore_unavailable=True)

    def finish(self):
        with released_on_failure(self.live.base_name):
            self.switch_aliases()

    def switch_aliases(self):
        # What changed while the new indexes filled may have been read before the change: send
        # it again (live writes reach the new indexes too until the switch).
        search_writes.send_pending_writes(limit=None, since=self.started)
        self.new.refresh()
        es = self.live.backend.es
        actions, old = [], []
        for language, alias in self.live.indexes.items():
            new_name = self.new.indexes[language].physical_name
            if es.indices.exists_alias(name=alias.name):
                for name in es.indices.get_alias(name=alias.name).body:
                    actions.append({"remove": {"index": name, "alias": alias.name}})
                    old.append(name)
            elif es.indices.exists(index=alias.name):
                # A plain index by that name (an older build, or one Elasticsearch created on
                # its own): replaced by the alias in the same atomic step.
                actions.append({"remove_index": {"index": alias.name}})
            actions.append({"add": {"index": new_name, "alias": alias.name}})
        es.indices.update_aliases(actions=actions)
        SearchIndexRebuild.objects.filter(alias=self.live.base_name).delete()
        for name in old:
            es.indices.delete(index=name, ignore_unavailable=True)
