"""The hand edits that restarting a synced translation would overwrite, and keeping them.

Once "Stop synced translation" is used, a translator edits the page (or snippet) by hand. On
restart, wagtail-localize's editor shows the stored segment translations again and the next
publish or sync writes them over the page (wagtail-localize issue #876). Comparing each source
segment's hand-edited text with what sync would write names what would be lost; keeping the
edits stores that text as the segments' translations, so sync writes it back unchanged.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import capfirst
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from translations.drafts import field_label


@dataclass
class HandEdit:
    """One segment whose hand-edited text differs from what sync would write."""

    segment: StringSegment
    label: str
    hand_edited: str
    synced: str

    @property
    def hand_edited_text(self):
        return as_text(self.hand_edited)

    @property
    def synced_text(self):
        return as_text(self.synced)


@dataclass
class HandEdits:
    """What a restart would overwrite: edits that can be kept, and parts that cannot."""

    kept: list = field(default_factory=list)
    # Fields whose blocks were added, removed or reshaped by hand: sync rebuilds them from the
    # source, so their hand-edited text cannot be matched to a segment.
    lost: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.kept or self.lost)


def as_text(data):
    try:
        return StringValue(data).render_text()
    except ValueError:
        return data


def current_content(instance):
    """The instance as its editor shows it: the latest draft, if it has drafts."""
    if isinstance(instance, DraftStateMixin) and instance.latest_revision_id:
        return instance.get_latest_revision_as_object()
    return instance


def segment_label(instance, path):
    """A content path ("steps.<block id>.title") in words: "Steps › Step 2 › Title"."""
    name, *components = path.split(".")
    labels = [field_label(instance, name)]
    value = getattr(instance, name, None)
    for component in components:
        if isinstance(value, StreamValue | ListValue):
            children = value if isinstance(value, StreamValue) else value.bound_blocks
            index, child = next(
                ((i, c) for i, c in enumerate(children) if c.id == component), (None, None)
            )
            if child is None:
                break
            labels.append(f"{capfirst(str(child.block.label))} {index + 1}")
            value = child.value
        elif isinstance(value, StructValue) and component in value.block.child_blocks:
            labels.append(capfirst(str(value.block.child_blocks[component].label)))
            value = value.get(component)
        else:
            break
    return " › ".join(labels)


def hand_edits(translation):
    """The hand edits on `translation`'s target that a restart of sync would overwrite."""
    source_instance = translation.source.get_source_instance()
    target = current_content(translation.get_target_instance())
    on_target = defaultdict(list)
    for value in extract_segments(target):
        if isinstance(value, StringSegmentValue):
            on_target[value.path].append(value.string.data)

    segments = defaultdict(list)
    queryset = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .select_related("context", "string")
        .order_by("order")
    )
    for segment in queryset:
        segments[segment.context.path].append(segment)

    edits = HandEdits()
    for path, path_segments in segments.items():
        texts = on_target.get(path, [])
        if len(texts) != len(path_segments):
            edits.lost.append(segment_label(source_instance, path))
            continue
        for segment, text in zip(path_segments, texts, strict=True):
            synced = segment.translation or segment.string.data
            if text != synced:
                label = segment_label(source_instance, path)
                edits.kept.append(HandEdit(segment, label, text, synced))
    edits.lost.extend(segment_label(target, path) for path in on_target.keys() - segments.keys())
    return edits


def keep_hand_edits(translation, edits, user):
    """Stores each kept hand edit as its segment's translation, as a translator would type it."""
    with transaction.atomic():
        for edit in edits.kept:
            StringTranslation.objects.update_or_create(
                translation_of=edit.segment.string,
                locale=translation.target_locale,
                context=edit.segment.context,
                defaults={
                    "data": edit.hand_edited,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "",
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
