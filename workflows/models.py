"""Moderation tasks for the publishing workflows."""

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState
from wagtail_localize.models import TranslationSource

from workflows.roles import languages_of


def is_translation(page):
    """Whether `page` was made by translating a page of another language."""
    return (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .exists()
    )


def translations_in(languages):
    """The pages of `languages` that are translations, as primary keys in text form."""
    sources_elsewhere = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    return (
        Page.objects.filter(locale__language_code__in=languages)
        .filter(Exists(sources_elsewhere.exclude(locale_id=OuterRef("locale_id"))))
        .annotate(pk_text=Cast("pk", CharField()))
        .values("pk_text")
    )


class ReviewTask(AbstractGroupApprovalTask):
    """A review by the chosen groups; a translation may also be approved by a second translator.

    Members of the chosen groups (Moderators) review every page. A page translated from another
    language may also be approved by a translator of its language other than the one who
    submitted it.
    """

    def _second_translator(self, obj, user):
        if not isinstance(obj, Page):
            return False
        languages = languages_of(user)
        if languages is None or obj.locale.language_code not in languages:
            return False
        workflow_state = obj.current_workflow_state
        if workflow_state is None or workflow_state.requested_by_id == user.pk:
            return False
        return is_translation(obj)

    def _may_review(self, obj, user):
        return user.is_superuser or self._user_in_groups(user) or self._second_translator(obj, user)

    def user_can_access_editor(self, obj, user):
        return self._may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_review(obj, user)

    def get_actions(self, obj, user):
        if self._may_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or self._user_in_groups(user):
            return in_progress
        languages = languages_of(user)
        if not languages:
            return TaskState.objects.none()
        return in_progress.exclude(workflow_state__requested_by=user).filter(
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__base_content_type__model="page",
            workflow_state__object_id__in=translations_in(languages),
        )

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve; a translation may also be approved by "
            "another translator of its language"
        )

    class Meta:
        db_table = "portal_reviewtask"
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")
