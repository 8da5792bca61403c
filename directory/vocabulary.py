"""Trades, skills and offices named in one language: what profiles, filters and forms show."""

from functools import cached_property

from django.core.cache import cache

from offices.models import OfficePage
from portal.text import fold

from .models import Skill

SKILL_WORDS_KEY = "directory:skill-words"


class Vocabulary:
    """The names of skills and offices in `language`, read once per request."""

    def __init__(self, language):
        self.language = language

    @cached_property
    def skills(self):
        return list(Skill.objects.filter(locale__language_code=self.language).order_by("name"))

    @cached_property
    def _skill_names(self):
        return {skill.translation_key: skill.name for skill in self.skills}

    def skill_name(self, skill):
        return self._skill_names.get(skill.translation_key, skill.name)

    def skills_of_kind(self, kind):
        return [skill for skill in self.skills if skill.kind == kind]

    @cached_property
    def offices(self):
        return list(
            OfficePage.objects.live().filter(locale__language_code=self.language).order_by("title")
        )

    @cached_property
    def _offices_by_key(self):
        return {office.translation_key: office for office in self.offices}

    def office(self, office):
        """The office page in this language, or the one the profile names when not translated."""
        return self._offices_by_key.get(office.translation_key, office)


def skill_words():
    """[(folded word, translation key)] for every name and variant of every skill, all languages.

    Kept in the shared cache: the directory's search reads it on every query, and skills
    change rarely (directory/signal_handlers.py drops it on every change).
    """
    words = cache.get(SKILL_WORDS_KEY)
    if words is None:
        words = []
        for key, name, variants in Skill.objects.values_list("translation_key", "name", "variants"):
            for word in [name, *variants.splitlines()]:
                if fold(word).strip():
                    words.append((fold(word).strip(), str(key)))
        cache.set(SKILL_WORDS_KEY, words, 3600)
    return words


def forget_skill_words(**kwargs):
    cache.delete(SKILL_WORDS_KEY)
