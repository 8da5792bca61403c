"""Demo member directory: the trades and skills list and thirty members' profiles, from
`content/directory.toml`.

The French trades and skills come first; the Dutch and English ones are made from them as
wagtail-localize translations, the way translators keep the list. Each member gets a demo account
and a profile approved as a moderator approves one: written as a revision, then published. A
member picks their trade and skills from the list in the language they write in, as the profile
form offers it. A second run finds each skill by its translation key and each profile by its
member, and changes neither.
"""

from django.db import transaction
from django.utils import timezone

from accounts.demo_members import create_demo_member
from directory.choices import CONTENT_LANGUAGES, PUBLIC_FIELD_CHOICES, SPOKEN_LANGUAGES
from directory.consent import CONSENT_VERSION
from directory.models import BioTranslation, MemberProfile, Skill
from offices.models import OfficePage

from .sources import SOURCE_LANGUAGE, TARGET_LANGUAGES, demo_key, read
from .translation import translate_with_parallel_text


def skill_values(text):
    return {"name": text["name"], "variants": "\n".join(text["variants"])}


def build_directory(builder):
    """The trades and skills in three languages, then the members and their listed profiles."""
    text = read("directory.toml")
    with transaction.atomic():
        skills = {}
        for kind, items in [(Skill.TRADE, text["trades"]), (Skill.SKILL, text["skills"])]:
            for item in items:
                skills[item["key"]] = skill_in_every_language(builder, kind, item)
        offices = {
            office.translation_key: office
            for office in OfficePage.objects.filter(locale=builder.source_locale)
        }
        for item in text["members"]:
            office = offices[demo_key("office", item["office"])] if item["office"] else None
            member_profile(builder, item, skills, office)


def skill_in_every_language(builder, kind, item):
    """{language: the skill's row} for a trade or skill, made in the languages that lack it."""
    source = Skill.objects.filter(
        translation_key=demo_key("skill", item["key"]), locale=builder.source_locale
    ).first()
    if source is None:
        source = Skill.objects.create(
            translation_key=demo_key("skill", item["key"]),
            locale=builder.source_locale,
            kind=kind,
            **skill_values(item[SOURCE_LANGUAGE]),
        )
        builder.created += 1
    rows = {SOURCE_LANGUAGE: source}
    for language in TARGET_LANGUAGES:
        locale = builder.locales[language]
        rows[language] = source.get_translation_or_none(locale)
        if rows[language] is None:
            rows[language] = translate_with_parallel_text(
                source,
                locale,
                skill_values(item[SOURCE_LANGUAGE]),
                skill_values(item[language]),
            )
            builder.translated += 1
    return rows


def codes(values, choices):
    """`values` in the order of `choices`, as the profile form stores them; refuses a typo."""
    known = [code for code, _label in choices]
    unknown = set(values) - set(known)
    if unknown:
        raise ValueError(f"Unknown codes {sorted(unknown)}, expected some of {known}")
    return ",".join(code for code in known if code in values)


def member_profile(builder, item, skills, office):
    """The member's demo account and their approved profile, unless they have one already."""
    user = create_demo_member(
        f"demo-{item['key']}", item["first_name"], item["last_name"], item["email"]
    )
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    language = item["bio_language"]
    now = timezone.now()
    profile = MemberProfile(
        user=user,
        live=False,
        display_name=item["display_name"],
        trade=skills[item["trade"]][language],
        city=item["city"],
        office=office,
        languages=codes(item["languages"], SPOKEN_LANGUAGES),
        can_help_with=codes(item["can_help_with"], CONTENT_LANGUAGES),
        bio=item["bio"],
        bio_language=language,
        portfolio_url=item["portfolio_url"],
        offers=item["offers"],
        looks_for=item["looks_for"],
        visibility=item["visibility"],
        public_fields=codes(item["public_fields"], PUBLIC_FIELD_CHOICES),
        accepts_messages=item["accepts_messages"],
        consent_given_at=now,
        consent_version=CONSENT_VERSION,
        confirmed_at=now,
        language=language,
    )
    profile.save()
    profile.skills = [skills[key][language] for key in item["skills"]]
    profile.bio_translations = [
        BioTranslation(
            language=translation["language"],
            text=translation["text"],
            machine_translated=translation["machine_translated"],
        )
        for translation in item.get("bio_translations", [])
    ]
    # Approved by a moderator: the revision the member wrote, published.
    profile.save_revision(user=None).publish(user=None)
    builder.created += 1
    return profile
