"""Tells readers of a translated page when its source has changed since it was translated."""

from django import template
from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

register = template.Library()


def outdated_source_language(page):
    """The language of `page`'s source if that source was published after its last sync, else ""."""
    if not isinstance(page, Page) or not page.pk:
        return ""
    # Pages of the source language are never behind: no query for most readers.
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    source_published = Page.objects.filter(
        translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
    ).values("last_published_at")[:1]
    return (
        # A translation no longer synced (its translators took it over) follows no source.
        TranslationSource.objects.filter(
            object_id=page.translation_key,
            translations__target_locale_id=page.locale_id,
            translations__enabled=True,
        )
        .annotate(source_published=Subquery(source_published))
        .filter(source_published__gt=F("last_updated_at"))
        .values_list("locale__language_code", flat=True)
        .first()
        or ""
    )


@register.inclusion_tag("components/outdated_translation_notice.html", takes_context=True)
def outdated_translation_notice(context):
    """A short notice with a link to the up-to-date source, on pages translated before a change."""
    language = outdated_source_language(context.get("page"))
    source = next(
        (version for version in context.get("languages", []) if version.code == language), None
    )
    return {"source": source if source and source.is_translated else None}
