"""Members who offered, in their directory profile, to help with a language: whom a call for
language help shows, and who may answer it."""

from django.contrib.auth.models import AnonymousUser

from directory.models import MemberProfile
from directory.visibility import profiles_visible_to

HELPERS_SHOWN = 12


def helpers_for(opportunity, user=None):
    """Listed members who offered help with the call's language, as `user` may see them: a
    visitor (None) sees public profiles only."""
    profiles = profiles_visible_to(user or AnonymousUser())
    profiles = profiles.filter(can_help_with__contains=opportunity.call_language)
    if opportunity.proposed_by_id:
        profiles = profiles.exclude(user_id=opportunity.proposed_by_id)
    return list(profiles.order_by("display_name")[:HELPERS_SHOWN])


def helper_profile(user, opportunity):
    """The member's own listed profile, if it offers help with the call's language."""
    profile = MemberProfile.objects.filter(user=user, live=True, hidden_as_stale=False).first()
    if profile is None or opportunity.call_language not in profile.help_language_codes:
        return None
    return profile
