"""Which Elasticsearch index an object is written to and a search reads; rebuilds behind aliases.

Every index the portal reads or writes is an alias (`portal_wagtailcore_page_fr`) over a versioned
index (`portal_wagtailcore_page_fr_20261204t131500_ab12`). A rebuild fills new versioned indexes
while searches keep reading the old ones, then moves every alias in one atomic `_aliases` request
and drops the old indexes: searches never see an empty or half-filled index.

Routing follows the content's language, not the interface's: an object goes to its own language's
index; the member search reads the language it searches (`searching_in`); anything else (the
admin, choosers) reads every language. Models without a language (images, documents) share one
index analysed without a language's stemmer, so they are found from any interface.
"""

import contextlib
import contextvars
import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from modelsearch.backends.elasticsearch9 import Elasticsearch9Index

from .. import search_writes
from .postgres import language_of

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# The language the member search is reading; None outside it (every language is read).
_searched_language = contextvars.ContextVar("searched_language", default=None)

# While a rebuild fills new indexes, live writes go to them too (see AliasSwitchingRebuilder).
REBUILDING = "search:elasticsearch-rebuilding:{alias}"
REBUILD_MARK_SECONDS = 24 * 60 * 60
BULK_TIMEOUT = 60


@contextlib.contextmanager
def searching_in(language):
    """Searches inside the block read `language`'s index only."""
    token = _searched_language.set(language)
    try:
        yield
    finally:
        _searched_language.reset(token)


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
        language = _searched_language.get()
        if language in self.indexes:
            return self.indexes[language].target
        return ",".join(index.target for index in self.indexes.values())

    def index_for(self, obj):
        if None in self.indexes:
            return self.indexes[None]
        return self.indexes.get(language_of(obj), self.indexes[settings.LANGUAGE_CODE])

    def rebuilding(self):
        """The versioned indexes a rebuild is filling now, or None."""
        versions = cache.get(REBUILDING.format(alias=self.base_name))
        if not versions:
            return None
        return ModelIndexes(self.backend, self.base_name, None not in self.indexes, versions)

    def writable(self):
        """The indexes a live write must reach: these, and a rebuild's new ones."""
        return [self, *filter(None, [self.rebuilding()])]

    def put(self):
        for index in self.indexes.values():
            index.put()

    def delete(self):
        for index in self.indexes.values():
            index.delete()

    def reset(self):
        for index in self.indexes.values():
            index.reset()

    def refresh(self):
        for index in self.indexes.values():
            index.refresh()

    def exists(self):
        return all(index.exists() for index in self.indexes.values())

    def is_alias(self):
        return True

    def add_model(self, model):
        for index in self.indexes.values():
            index.add_model(model)

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
        self.backend.es.bulk(
            operations=[
                {"delete": {"_index": index.target, "_id": document_id}}
                for index in self.indexes.values()
            ]
        )

    def get_key(self):
        return self.base_name

    def __str__(self):
        return self.base_name


class AliasSwitchingRebuilder:
    """`update_index` without downtime: fill new versioned indexes, then switch the aliases."""

    def __init__(self, indexes):
        self.live = indexes
        versions = {
            language: versioned_name(index.name) for language, index in indexes.indexes.items()
        }
        self.new = ModelIndexes(
            indexes.backend, indexes.base_name, None not in indexes.indexes, versions
        )

    def start(self):
        self.started = timezone.now()
        self.drop_abandoned_indexes()
        self.new.put()
        cache.set(
            REBUILDING.format(alias=self.live.base_name),
            {language: index.physical_name for language, index in self.new.indexes.items()},
            timeout=REBUILD_MARK_SECONDS,
        )
        return self.new

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
        cache.delete(REBUILDING.format(alias=self.live.base_name))
        for name in old:
            es.indices.delete(index=name, ignore_unavailable=True)
