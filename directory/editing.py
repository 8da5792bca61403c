"""A member writes their profile: each change waits as a revision for a moderator's approval.

What visitors see stays the approved version (the profile's own fields, `live`) until a moderator
approves the new one in Wagtail's review queue ("Moderators approval", the same workflow as
pages); Wagtail then publishes the revision and alerts nobody but the member's readers.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, WorkflowState

from .choices import DEFAULT_PUBLIC_FIELDS
from .consent import CONSENT_VERSION
from .models import BioTranslation, MemberProfile, Skill

WAITING = "waiting"
CHANGES_REQUESTED = "changes_requested"
LISTED = "listed"
LISTED_WITH_CHANGES_WAITING = "listed_with_changes_waiting"
HIDDEN_AS_STALE = "hidden_as_stale"
NOT_LISTED = "not_listed"

STATUS_TEXT = {
    WAITING: _("Waiting for a moderator. You will find it in the directory once approved."),
    CHANGES_REQUESTED: _("A moderator asked for changes before listing it."),
    LISTED: _("Listed in the directory."),
    LISTED_WITH_CHANGES_WAITING: _(
        "Listed. Your latest changes wait for a moderator; until then members see the "
        "previous version."
    ),
    HIDDEN_AS_STALE: _(
        "Hidden: you did not confirm it was still accurate. Confirm it to be listed again."
    ),
    NOT_LISTED: _("Not listed."),
}


def draft_of(profile):
    """The profile as its member last wrote it, approved or not."""
    if profile.latest_revision_id:
        return profile.get_latest_revision_as_object()
    return profile


def status_of(profile):
    state = profile.current_workflow_state
    if profile.hidden_as_stale:
        return HIDDEN_AS_STALE
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return LISTED_WITH_CHANGES_WAITING if profile.live else WAITING
    return LISTED if profile.live else NOT_LISTED


def moderator_comment(profile):
    """What the moderator wrote when asking for changes, if they wrote anything."""
    state = profile.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return task_state.get_comment() if task_state else ""
    return ""


def initial_values(draft, language):
    """The form's starting values, the trade and skills named in the member's language."""
    if draft.pk is None:
        return {
            "bio_language": language,
            "public_fields": DEFAULT_PUBLIC_FIELDS,
            "accepts_messages": True,
        }
    in_language = {
        skill.translation_key: skill
        for skill in Skill.objects.filter(locale__language_code=language)
    }
    trade = in_language.get(draft.trade.translation_key) if draft.trade else None
    office = None
    if draft.office:
        office = draft.office.get_translation_or_none(Locale.objects.get(language_code=language))
    values = {
        "display_name": draft.display_name,
        "trade": trade,
        "skills": [
            in_language[skill.translation_key]
            for skill in draft.skills.all()
            if skill.translation_key in in_language
        ],
        "city": draft.city,
        "office": office or draft.office,
        "languages": draft.language_codes,
        "can_help_with": draft.help_language_codes,
        "bio": draft.bio,
        "bio_language": draft.bio_language,
        "offers": draft.offers,
        "looks_for": draft.looks_for,
        "portfolio_url": draft.portfolio_url,
        "visibility": draft.visibility,
        "public_fields": draft.public_fields.split(",") if draft.public_fields else [],
        "accepts_messages": draft.accepts_messages,
    }
    for translation in draft.bio_translations.all():
        values[f"bio_{translation.language}"] = translation.text
        if translation.machine_translated:
            values[f"bio_{translation.language}_origin"] = "machine"
    return values


@transaction.atomic
def submit_profile(user, form, language):
    """Save what the member wrote as a new revision and put it in the moderators' queue."""
    profile = MemberProfile.objects.filter(user=user).first()
    data = form.cleaned_data
    now = timezone.now()
    if profile is None:
        profile = MemberProfile(
            user=user,
            live=False,
            display_name=data["display_name"],
            consent_given_at=now,
            consent_version=CONSENT_VERSION,
            confirmed_at=now,
        )
        profile.save()
    draft = draft_of(profile)
    draft.display_name = data["display_name"]
    draft.trade = data["trade"]
    draft.skills = list(data["skills"])
    draft.city = data["city"].strip()
    draft.office = data["office"]
    draft.set_codes("languages", data["languages"])
    draft.set_codes("can_help_with", data["can_help_with"])
    draft.bio = data["bio"].strip()
    draft.bio_language = data["bio_language"]
    draft.offers = data["offers"].strip()
    draft.looks_for = data["looks_for"].strip()
    draft.portfolio_url = data["portfolio_url"]
    draft.visibility = data["visibility"]
    draft.set_codes("public_fields", data["public_fields"])
    draft.accepts_messages = data["accepts_messages"]
    draft.bio_translations = [
        BioTranslation(language=code, text=text, machine_translated=machine)
        for code, text, machine in form.bio_translations()
    ]
    apply_privacy_at_once(profile, data, language)
    revision = draft.save_revision(user=user, log_action=True)
    send_to_moderators(profile, user)
    return profile, revision


def apply_privacy_at_once(profile, data, language):
    """Showing less never waits for a moderator: only what the member adds or widens does.

    A profile made members-only, a field taken off the public view or messages refused take
    effect on the approved version at once.
    """
    profile = MemberProfile.objects.get(pk=profile.pk)
    still_public = set(profile.public_field_names) & set(data["public_fields"])
    changes = {"accepts_messages": data["accepts_messages"], "language": language}
    if data["visibility"] == MemberProfile.MEMBERS:
        changes["visibility"] = MemberProfile.MEMBERS
    changes["public_fields"] = ",".join(
        code for code in profile.public_fields.split(",") if code in still_public
    )
    MemberProfile.objects.filter(pk=profile.pk).update(**changes)


def send_to_moderators(profile, user):
    """Start the review of the latest revision, replacing a review of an older one."""
    profile.refresh_from_db()
    state = profile.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    workflow = profile.get_workflow()
    if workflow is None:
        # No workflow assigned (an administrator removed it): nothing to wait for.
        profile.get_latest_revision().publish(user=user)
        return
    workflow.start(profile, user)
