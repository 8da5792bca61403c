"""A member's own data: exported as JSON, or erased everywhere at once (GDPR articles 15, 17, 20).

Erasing takes the profile with its revisions, review states and history (Wagtail keeps a
profile's name in each), the messages the member sent or received through the relay and the
reports about them. The account stays, so the member can still sign in; signing in again
creates no profile until they write one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import ModelLogEntry

from .editing import draft_of, status_of
from .models import AbuseReport, ContactMessage, MemberProfile


def _profile_data(profile):
    return {
        "display_name": profile.display_name,
        "trade": profile.trade.name if profile.trade else None,
        "skills": sorted(skill.name for skill in profile.skills.all()),
        "city": profile.city,
        "office": profile.office.title if profile.office else None,
        "languages": profile.language_codes,
        "can_help_with": profile.help_language_codes,
        "about_me": profile.bio,
        "about_me_language": profile.bio_language,
        "about_me_in_other_languages": [
            {
                "language": translation.language,
                "text": translation.text,
                "machine_translated": translation.machine_translated,
            }
            for translation in profile.bio_translations.all()
        ],
        "offers": profile.offers,
        "looks_for": profile.looks_for,
        "portfolio_url": profile.portfolio_url,
        "visibility": profile.visibility,
        "fields_visitors_see": profile.public_fields.split(",") if profile.public_fields else [],
        "accepts_messages": profile.accepts_messages,
    }


def export_member_data(user):
    """Everything the directory holds about `user`, as data ready for `json.dumps`."""
    profile = MemberProfile.objects.filter(user=user).first()
    data = {
        "account": {
            "name": user.get_full_name(),
            "email": user.email,
            "identity_at_provider": getattr(getattr(user, "member_account", None), "subject", None),
        },
        "profile": None,
        "messages_sent": [
            {
                "to": message.recipient.display_name,
                "sent_at": message.sent_at.isoformat(),
                "text": message.body,
            }
            for message in ContactMessage.objects.filter(sender=user).select_related("recipient")
        ],
        "messages_received": [],
        "reports_made": [
            {"reported_at": report.reported_at.isoformat(), "reason": report.reason}
            for report in AbuseReport.objects.filter(reported_by=user)
        ],
    }
    if profile is None:
        return data
    draft = draft_of(profile)
    data["profile"] = {
        "status": status_of(profile),
        "listed_version": _profile_data(profile) if profile.live else None,
        "latest_version": _profile_data(draft),
        "consent": {
            "given_at": profile.consent_given_at.isoformat(),
            "text_version": profile.consent_version,
            "last_confirmed_at": profile.confirmed_at.isoformat(),
        },
        "created_at": profile.created_at.isoformat(),
    }
    data["messages_received"] = [
        {"sent_at": message.sent_at.isoformat(), "text": message.body}
        for message in profile.messages_received.all()
    ]
    return data


@transaction.atomic
def erase_member_data(user):
    """Delete the member's profile and everything attached to it; True if there was one."""
    ContactMessage.objects.filter(sender=user).delete()
    AbuseReport.objects.filter(reported_by=user).update(reported_by=None)
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None:
        return False
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(MemberProfile),
        object_id=str(profile.pk),
    ).delete()
    profile.delete()
    return True
