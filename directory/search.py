"""Finding members: by a trade or skill named in any of the three languages, by words, by filters.

A skill typed in another language still finds the member: 'monteur vidéo', 'video editor' and
'videomontage' are names or variants of one skill in its three translations, and profiles link
to skills by their translation key. Visitors who are not signed in only match on the fields a
profile made public, so a hidden field can't be guessed by searching for it.
"""

import re

from django.db.models import Q

from portal.text import fold

from .models import MemberProfile
from .visibility import field_visible_to_all, profiles_visible_to, sees_whole_profiles
from .vocabulary import skill_words

# Words this short ('de', 'en', 'la') are in nearly every text: they would match every profile.
SHORTEST_WORD = 3
# A beginning this long is taken as a skill being typed: 'graphis' finds 'graphiste', and a word
# this long of a longer wording finds it: 'vormgever' finds 'grafisch vormgever'.
SHORTEST_PREFIX = 4
TEXT_FIELDS = ["city", "bio", "offers", "looks_for"]


def skill_keys_named_in(text):
    """Translation keys of the skills that `text` names, in any language."""
    folded = " ".join(re.findall(r"\w+", fold(text)))
    if not folded:
        return set()
    keys = set()
    for wording, key in skill_words():
        wording = " ".join(re.findall(r"\w+", wording))
        # The skill's whole wording in the query ('graphiste à Liège'), or the query as the
        # start of a word of the wording ('vormgever' in 'grafisch vormgever', 'graphis').
        if re.search(rf"\b{re.escape(wording)}\b", folded) or (
            len(folded) >= SHORTEST_PREFIX and re.search(rf"\b{re.escape(folded)}", wording)
        ):
            keys.add(key)
    return keys


def _skill_match(keys, whole):
    if not keys:
        return Q(pk__in=[])
    trade = Q(trade__translation_key__in=keys)
    skills = Q(skills__translation_key__in=keys)
    if not whole:
        trade &= field_visible_to_all("trade")
        skills &= field_visible_to_all("skills")
    return trade | skills


def _text_match(text, whole):
    match = Q(display_name__icontains=text)
    for name in TEXT_FIELDS:
        field = Q(**{f"{name}__icontains": text})
        match |= field if whole else field & field_visible_to_all(name)
    translated_bio = Q(bio_translations__text__icontains=text)
    match |= translated_bio if whole else translated_bio & field_visible_to_all("bio")
    return match


def query_match(query, whole):
    """Profiles matching the whole wording, or each of its words somewhere."""
    words = [word for word in re.findall(r"\w+", query) if len(word) >= SHORTEST_WORD]
    phrase = _skill_match(skill_keys_named_in(query), whole) | _text_match(query.strip(), whole)
    if len(words) < 2:
        return phrase
    every_word = Q()
    for word in words:
        every_word &= _skill_match(skill_keys_named_in(word), whole) | _text_match(word, whole)
    return phrase | every_word


def find_profiles(user, query="", trade="", skill="", city="", office="", language="", helps=""):
    """The listed profiles `user` may see that match the query and every filter given."""
    whole = sees_whole_profiles(user)
    profiles = profiles_visible_to(user)

    def visible(name):
        return Q() if whole else field_visible_to_all(name)

    if trade:
        profiles = profiles.filter(Q(trade__translation_key=trade) & visible("trade"))
    if skill:
        profiles = profiles.filter(Q(skills__translation_key=skill) & visible("skills"))
    if city:
        profiles = profiles.filter(Q(city__iexact=city) & visible("city"))
    if office:
        profiles = profiles.filter(Q(office__translation_key=office) & visible("office"))
    if language:
        profiles = profiles.filter(Q(languages__contains=language) & visible("languages"))
    if helps:
        profiles = profiles.filter(can_help_with__contains=helps) if whole else profiles.none()
    if query.strip():
        profiles = profiles.filter(query_match(query, whole))
    # A match through several skills or translated bios would repeat the profile: ids first.
    return (
        MemberProfile.objects.filter(pk__in=profiles.values("pk"))
        .select_related("trade", "office")
        .prefetch_related("skills", "bio_translations")
        .order_by("display_name", "pk")
    )
