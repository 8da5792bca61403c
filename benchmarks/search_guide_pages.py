"""Adds generated guides to the demo site in bulk, then indexes them with the search backend.

Creating tens of thousands of pages through Wagtail's page API (one save, one revision, one
tree update each) would take hours on a small machine. Here the tree rows are written
directly: treebeard paths are computed for each new child of a path page, `wagtailcore_page`
and `guides_guidepage` rows are inserted in bulk and the parents' `numchild` is corrected. The
new guides are then indexed as `update_index` would: `add_bulk` on the configured backend,
one batch of guides at a time.
"""

import json
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from guides.models import GuidePage, PathPage

from .search_corpus import GuideWriter

BATCH_SIZE = 1000
# Generated guides share a translation key across languages (guide n in French, Dutch and
# English are translations of each other), and their slugs end in '-g<n>'.
KEY_NAMESPACE = uuid.UUID("0b6f7f3e-5c1a-4d8e-9a57-2f9d8c3b6a10")
GENERATED_SLUG = r"-g[0-9]+$"


@dataclass
class BuildTimes:
    """Seconds spent writing text, inserting rows and indexing them."""

    pages: int = 0
    generate: float = 0.0
    insert: float = 0.0
    index: float = 0.0
    per_batch_index: list = field(default_factory=list)

    def add(self, other):
        self.pages += other.pages
        self.generate += other.generate
        self.insert += other.insert
        self.index += other.index
        self.per_batch_index += other.per_batch_index


def generated_guide_count(language):
    return Page.objects.filter(locale__language_code=language, slug__regex=GENERATED_SLUG).count()


class GuideTreeWriter:
    """Appends generated guides of one language under its three path pages, in turn."""

    def __init__(self, language):
        self.language = language
        self.locale = Locale.objects.get(language_code=language)
        self.writer = GuideWriter(language)
        self.content_type = ContentType.objects.get_for_model(GuidePage)
        self.parents = list(PathPage.objects.filter(locale=self.locale).order_by("path"))
        if len(self.parents) != 3:
            raise RuntimeError(f"Expected three path pages in {language}: run load_demo first.")
        # The next free treebeard step under each path page.
        self.next_step = {}
        for parent in self.parents:
            last_child = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.next_step[parent.pk] = (
                Page._str2int(last_child[-Page.steplen :]) + 1 if last_child else 1
            )
        self.backend = get_search_backend()

    def add(self, start, stop):
        """Create, then index, guides number `start` to `stop - 1` of this language."""
        times = BuildTimes()
        for batch_start in range(start, stop, BATCH_SIZE):
            batch = range(batch_start, min(stop, batch_start + BATCH_SIZE))
            with transaction.atomic():
                began = time.perf_counter()
                texts = [(n, self.writer.guide(n)) for n in batch]
                generated = time.perf_counter()
                ids = self.insert(texts)
                inserted = time.perf_counter()
                guides = list(GuidePage.get_indexed_objects().filter(pk__in=ids))
                self.backend.add_bulk(GuidePage, guides)
                indexed = time.perf_counter()
            times.pages += len(batch)
            times.generate += generated - began
            times.insert += inserted - generated
            times.index += indexed - inserted
            times.per_batch_index.append(indexed - inserted)
        return times

    def insert(self, texts):
        now = timezone.now()
        pages = []
        children = {parent.pk: 0 for parent in self.parents}
        for n, text in texts:
            parent = self.parents[n % len(self.parents)]
            step = self.next_step[parent.pk]
            self.next_step[parent.pk] += 1
            children[parent.pk] += 1
            slug = f"{slugify(text.title)[:60].strip('-')}-g{n}"
            pages.append(
                Page(
                    path=Page._get_path(parent.path, parent.depth + 1, step),
                    depth=parent.depth + 1,
                    numchild=0,
                    title=text.title,
                    draft_title=text.title,
                    slug=slug,
                    url_path=f"{parent.url_path}{slug}/",
                    content_type=self.content_type,
                    locale=self.locale,
                    translation_key=uuid.uuid5(KEY_NAMESPACE, str(n)),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        Page.objects.bulk_create(pages)

        rows = [
            (
                page.pk,
                text.summary,
                json.dumps(
                    [
                        {"type": "item", "value": need, "id": str(uuid.uuid4())}
                        for need in text.needs
                    ]
                ),
                json.dumps(
                    [
                        {"type": "step", "value": step, "id": str(uuid.uuid4())}
                        for step in text.steps
                    ]
                ),
            )
            for page, (_n, text) in zip(pages, texts, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO guides_guidepage "
                "(page_ptr_id, summary, before_you_start, steps, video, downloads) "
                "VALUES (%s, %s, %s::jsonb, %s::jsonb, '[]'::jsonb, '[]'::jsonb)",
                rows,
            )
        for parent_pk, count in children.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)
        return [page.pk for page in pages]
