"""Sync: push a source page's or snippet's changes into every translation, without skipping review.

wagtail-localize keeps each translated segment against the source text it translates. Syncing
re-reads the source, so unchanged segments keep their translations and changed ones become
segments to translate. Then, per translation:

- segments left to translate: nothing is written; readers keep the live translation and the
  outdated notice until its translator finishes and submits it for review;
- converted to manual editing by a translator: left alone, syncing would overwrite their edits;
- a page everyone has reviewed: published, when the person syncing may publish that page
  directly and no segment was translated after the live version was made;
- any other page (a guide, segments translated or machine-translated since the last review, or a
  person who may not publish it): rebuilt into a draft revision and sent to the review workflow.
  The live page keeps what readers see until a reviewer approves;
- a snippet (no drafts): saved when the person may change that language's snippets.

No path here publishes a translation edit nobody reviewed (issue: "review means review").
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from translations.drafts import save_translation_draft
from workflows.permissions import may_change


@dataclass
class SyncReport:
    published: list = field(default_factory=list)
    # Rebuilt into a draft revision and sent to review.
    in_review: list = field(default_factory=list)
    # (locale, segments left to translate)
    waiting: list = field(default_factory=list)
    edited_by_hand: list = field(default_factory=list)
    # Translations whose rebuilt page or snippet didn't validate (a slug taken, a field too long).
    failed: list = field(default_factory=list)
    # Translations of languages the person syncing does not work in: left to their translators.
    not_allowed: list = field(default_factory=list)


def has_unreviewed_segments(translation, page):
    """Whether a segment of `translation` was translated after `page`'s live version was made."""
    live_revision = page.live_revision if page.live else None
    if live_revision is None:
        return True
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
        updated_at__gt=live_revision.created_at,
    ).exists()


def send_draft_to_review(translation, page, user):
    """Rebuild `page` from its segments into a draft revision and start its workflow.

    A revision only (translations/drafts.py): wagtail-localize's save_target writes the
    page record, which is what readers see, even when it does not publish.
    """
    save_translation_draft(translation, user)
    page.refresh_from_db()
    workflow = page.get_workflow()
    if workflow is not None and not page.workflow_in_progress:
        workflow.start(page, user)


def sync_translation(translation, user, report, review_all):
    locale = translation.target_locale
    if not translation.enabled:
        report.edited_by_hand.append(locale)
        return
    total, translated = translation.get_progress()
    if translated < total:
        report.waiting.append((locale, total - translated))
        return
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    if target is None or not may_change(user, target):
        report.not_allowed.append(locale)
        return
    try:
        with transaction.atomic():
            if not isinstance(target, Page):
                translation.save_target(user=user, publish=True)
                report.published.append(locale)
                return
            page = target.specific
            if (
                not review_all
                and page.permissions_for_user(user).can_publish()
                and not has_unreviewed_segments(translation, page)
            ):
                translation.save_target(user=user, publish=True)
                report.published.append(locale)
            else:
                send_draft_to_review(translation, page, user)
                report.in_review.append(locale)
    except ValidationError:
        report.failed.append(locale)


@transaction.atomic
def sync_translations(instance, user, review_all=False):
    """Update the translation source of `instance` and every translation made from it.

    With `review_all`, every translated page goes to review, even one its syncer could publish:
    what a moderator's approval of a source change does.
    """
    report = SyncReport()
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for translation in source.translations.select_related("target_locale", "source").order_by("pk"):
        sync_translation(translation, user, report, review_all)
    return report


def source_with_translations(instance):
    """The translation source of `instance` when it has translations to sync, else None."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None or not source.translations.exists():
        return None
    return source


def sync_approved_source(sender, instance, user=None, **kwargs):
    """After a reviewer approves a change to a source page, sync its translations into review.

    Connected to Wagtail's `workflow_approved`, sent once the approved revision is published.
    A revision scheduled for later is synced when it goes live, by whoever publishes then.
    """
    page = instance.content_object
    if not isinstance(page, Page):
        return
    page = page.specific
    page.refresh_from_db()
    if not page.live or page.has_unpublished_changes:
        return
    if source_with_translations(page) is not None:
        sync_translations(page, user, review_all=True)
