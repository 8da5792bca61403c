"""Trades and skills in three languages, members, and their profiles in each state of review.

`skill("graphiste", nl="vormgever", en="graphic designer")` makes one skill with its Dutch and
English translations (one translation key). `member()` is a signed-in member's account, never
staff. `listed_profile(member(), ...)` is a profile a moderator approved; `waiting_profile(...)`
one sent for review and not approved yet.
"""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from directory.consent import CONSENT_VERSION
from directory.editing import send_to_moderators
from directory.models import MemberProfile, Skill


class MemberFactory(factory.django.DjangoModelFactory):
    """A member's account as the sign-in makes it: no password, no staff rights."""

    username = factory.Sequence(lambda n: f"member-{n}")
    first_name = factory.Sequence(lambda n: f"Member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@members.example")

    class Meta:
        model = get_user_model()


def member(**fields):
    return MemberFactory(**fields)


def skill(fr, nl=None, en=None, kind=Skill.SKILL, variants=None):
    """A skill named `fr` in French, `nl` in Dutch and `en` in English (one translation key)."""
    variants = variants or {}
    source = Skill.objects.create(
        locale=Locale.objects.get(language_code="fr"),
        kind=kind,
        name=fr,
        variants=variants.get("fr", ""),
    )
    for language, name in (("nl", nl), ("en", en)):
        if name:
            translation = source.copy_for_translation(Locale.objects.get(language_code=language))
            translation.name = name
            translation.variants = variants.get(language, "")
            translation.save()
    return source


def trade(fr, nl=None, en=None, variants=None):
    return skill(fr, nl, en, kind=Skill.TRADE, variants=variants)


def _profile(user, skills=(), **fields):
    now = timezone.now()
    values = {
        "display_name": f"{user.first_name} D.",
        "consent_given_at": now,
        "consent_version": CONSENT_VERSION,
        "confirmed_at": now,
        "live": False,
    }
    values.update(fields)
    profile = MemberProfile(user=user, **values)
    profile.save()
    profile.skills = list(skills)
    return profile


def listed_profile(user, skills=(), **fields):
    """A profile its moderator approved: live, as visitors see it."""
    profile = _profile(user, skills, **fields)
    profile.save_revision(user=user).publish(user=None)
    profile.refresh_from_db()
    return profile


def waiting_profile(user, skills=(), **fields):
    """A profile its member sent for review, not approved yet."""
    profile = _profile(user, skills, **fields)
    profile.save_revision(user=user)
    send_to_moderators(profile, user)
    profile.refresh_from_db()
    return profile
