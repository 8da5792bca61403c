"""Tells readers of a translated page when the live translation says less than its source."""

from django import template
from django.db.models import Exists, F, OuterRef, Q, Subquery
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from portal import content_memo

register = template.Library()


def outdated_source_language(page):
    """The language of `page`'s source when the live `page` is behind it, else "".

    The live translation is behind until a translation made from the current source is
    published: its source was published or synced after the translation went live, or some
    segments of the current source have no translation in the page's language. A sync that
    leaves segments to translate refreshes the source but not the live page, so it does not
    end the notice.
    """
    if not isinstance(page, Page) or not page.pk:
        return ""
    source_page = Page.objects.filter(
        translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
    ).values("last_published_at")[:1]
    untranslated = StringSegment.objects.filter(source_id=OuterRef("pk")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=page.locale_id,
                has_error=False,
            )
        )
    )
    behind = Q(untranslated=True)
    if page.last_published_at:
        behind |= Q(last_updated_at__gt=page.last_published_at) | Q(
            source_published__gt=page.last_published_at
        )
    return (
        # A translation no longer synced (its translators took it over) follows no source.
        TranslationSource.objects.filter(
            object_id=page.translation_key,
            translations__target_locale_id=page.locale_id,
            translations__enabled=True,
        )
        .exclude(locale_id=page.locale_id)
        .annotate(source_published=Subquery(source_page))
        .annotate(untranslated=Exists(untranslated))
        .filter(behind)
        .order_by(F("last_updated_at").desc())
        .values_list("locale__language_code", flat=True)
        .first()
        or ""
    )


@register.inclusion_tag("components/outdated_translation_notice.html", takes_context=True)
def outdated_translation_notice(context):
    """A short notice with a link to the up-to-date source, on pages translated before a change."""
    page = context.get("page")
    # Pages of every language may be translations (French ones of Dutch-born pages): the answer
    # is kept until content changes, so most readers cost no query.
    language = content_memo.remember(
        context.get("request"),
        ("outdated translation", getattr(page, "pk", None)),
        lambda: outdated_source_language(page),
    )
    source = next(
        (version for version in context.get("languages", []) if version.code == language), None
    )
    return {"source": source if source and source.is_translated else None}
