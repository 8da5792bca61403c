"""A synced translation written as a draft revision of its target, its errors named by field.

wagtail-localize's `Translation.save_target(publish=False)` still writes the target's record,
which is what members read. A draft revision built from the ephemeral translated instance
leaves the live version alone until someone publishes or approves it.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page


def can_hold_draft(instance):
    return isinstance(instance, DraftStateMixin)


def translated_draft(translation):
    """The target as the translator's segments make it, unsaved; untranslated segments keep the
    source text, as wagtail-localize's own editor does."""
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    if isinstance(draft, Page):
        # As wagtail-localize's own publishing does: a machine-translated slug such as
        # "[nl] declarer-un-achat" becomes a slug. A slug already taken is still an error.
        draft.slug = slugify(draft.slug, allow_unicode=settings.WAGTAIL_ALLOW_UNICODE_SLUGS)
    return draft


def save_translation_draft(translation, user, **fields):
    """Saves the translator's text as a draft revision of the target, and returns the revision.

    Raises ValidationError, having written nothing, when the text does not validate.
    """
    draft = translated_draft(translation)
    for name, value in fields.items():
        setattr(draft, name, value)
    validate(draft)
    with transaction.atomic():
        return draft.save_revision(user=user)


def validate(instance):
    """Validates `instance` as its editor's form would, blocks included.

    A model's own validation leaves StreamField blocks out (their limits live in the form), so a
    translated step title over its length would be saved without a word.
    """
    errors = {}
    try:
        instance.full_clean()
    except ValidationError as error:
        errors.update(error.update_error_dict({}))
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, StreamField):
            try:
                model_field.stream_block.clean(getattr(instance, model_field.name))
            except ValidationError as error:
                errors.setdefault(model_field.name, []).append(error)
    if errors:
        raise ValidationError(errors)


def field_label(instance, name):
    try:
        return str(capfirst(instance._meta.get_field(name).verbose_name))
    except (FieldDoesNotExist, AttributeError):
        return capfirst(name.replace("_", " "))


def error_messages(instance, error):
    """Each message of a validation error on `instance`, after the field and block it is about:
    "Slug: …", "Steps › Step 3 › Title: Ensure this value has at most 120 characters…"."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    found = []
    for name, errors in error.error_dict.items():
        if name == "__all__":
            found.extend(message for item in errors for message in item.messages)
            continue
        label = field_label(instance, name)
        value = getattr(instance, name, None)
        try:
            is_stream = isinstance(instance._meta.get_field(name), StreamField)
        except FieldDoesNotExist:
            is_stream = False
        for item in errors:
            if is_stream:
                found.extend(_block_messages([label], value, item))
            else:
                found.extend(f"{label}: {message}" for message in item.messages)
    return found


def _block_messages(labels, value, error):
    """Messages of a StreamField error, walking the block errors down to the child at fault."""
    prefix = " › ".join(labels)
    non_block_errors = getattr(error, "non_block_errors", None)
    block_errors = getattr(error, "block_errors", None)
    if non_block_errors is None and block_errors is None:
        return [f"{prefix}: {message}" for message in error.messages]
    found = [
        f"{prefix}: {message}" for item in non_block_errors.as_data() for message in item.messages
    ]
    for key, child_error in (block_errors or {}).items():
        label, child_value = _child(value, key)
        found.extend(_block_messages([*labels, label], child_value, child_error))
    return found


def _child(value, key):
    """The label and value of child `key` (an index or a name) of a block value."""
    if isinstance(key, str):
        # A StructBlock's child, by name.
        block = getattr(value, "block", None)
        child_block = block.child_blocks.get(key) if block is not None else None
        label = child_block.label if child_block is not None else capfirst(key)
        return capfirst(str(label)), value.get(key) if hasattr(value, "get") else None
    try:
        child = value[key]
    except (IndexError, KeyError, TypeError):
        return _("Item %(number)d") % {"number": key + 1}, None
    block = getattr(child, "block", None)
    if block is not None:
        # A StreamBlock's child: the bound block with its own type.
        return f"{capfirst(str(block.label))} {key + 1}", child.value
    return _("Item %(number)d") % {"number": key + 1}, child
