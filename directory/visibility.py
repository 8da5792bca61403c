"""Who sees which profile and which field: the one place the directory's privacy rules live.

Signed-in members see every listed profile whole. Visitors who are not signed in see public
profiles only, and of those only the name and the fields the member made public. Templates
never read a profile directly: they get a `ShownProfile` with the hidden fields left empty.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from .models import MemberProfile

# A profile is listed once a moderator approved it (live) and while its member keeps it current.
LISTED = Q(live=True, hidden_as_stale=False)


def sees_whole_profiles(user):
    return user.is_authenticated


def listed_profiles():
    return MemberProfile.objects.filter(LISTED)


def profiles_visible_to(user):
    profiles = listed_profiles()
    if sees_whole_profiles(user):
        return profiles
    return profiles.filter(visibility=MemberProfile.PUBLIC)


def field_visible_to_all(name):
    """Profiles where visitors may read the field `name`."""
    return Q(visibility=MemberProfile.PUBLIC) & Q(public_fields__contains=name)


def visible_fields(profile, user):
    if sees_whole_profiles(user):
        return None  # every field
    return set(profile.public_field_names)


@dataclass
class ShownProfile:
    """What a viewer may read of a profile, in the viewer's language; hidden fields stay empty."""

    profile: MemberProfile
    is_whole: bool
    display_name: str
    trade: str = ""
    skills: list = field(default_factory=list)
    city: str = ""
    office: object = None
    languages: list = field(default_factory=list)
    can_help_with: list = field(default_factory=list)
    bio: str = ""
    bio_language: str = ""
    bio_machine_translated: bool = False
    offers: str = ""
    looks_for: str = ""
    portfolio_url: str = ""

    @property
    def pk(self):
        return self.profile.pk

    @property
    def accepts_messages(self):
        return self.is_whole and self.profile.accepts_messages


def shown_profile(profile, user, vocabulary):
    """`profile` as `user` may see it, its skills and office named in the vocabulary's language."""
    allowed = visible_fields(profile, user)

    def shows(name):
        return allowed is None or name in allowed

    shown = ShownProfile(profile, allowed is None, profile.display_name)
    if shows("trade") and profile.trade:
        shown.trade = vocabulary.skill_name(profile.trade)
    if shows("skills"):
        shown.skills = sorted(vocabulary.skill_name(skill) for skill in profile.skills.all())
    if shows("city"):
        shown.city = profile.city
    if shows("office") and profile.office:
        shown.office = vocabulary.office(profile.office)
    if shows("languages"):
        shown.languages = profile.language_codes
    # The offer of help with a language is what peer support rests on: members only.
    if allowed is None:
        shown.can_help_with = profile.help_language_codes
    if shows("bio"):
        shown.bio, shown.bio_language, shown.bio_machine_translated = bio_for(
            profile, vocabulary.language
        )
    if shows("offers"):
        shown.offers = profile.offers
    if shows("looks_for"):
        shown.looks_for = profile.looks_for
    if shows("portfolio_url"):
        shown.portfolio_url = profile.portfolio_url
    return shown


def bio_for(profile, language):
    """The 'about me' in `language` if the member has it, else in the language they wrote it in."""
    if profile.bio_language != language:
        for translation in profile.bio_translations.all():
            if translation.language == language and translation.text.strip():
                return translation.text, language, translation.machine_translated
    return profile.bio, profile.bio_language, False
