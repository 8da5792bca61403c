"""Reading the board's filters from the address, checked the way the agenda checks its own."""

from django.http import Http404

from directory.models import Skill
from events.listing import page_of, skill_named_by

from .choices import CallLanguage, OpportunityKind

__all__ = ["chosen_filters", "filter_opportunities", "page_of", "skills_of"]


def skills_of(locale_id):
    """The language's trades and skills, for the filter."""
    return list(Skill.objects.filter(locale_id=locale_id).order_by("kind", "name"))


def chosen_filters(request, locale_id, skills=None):
    """The filters in the address: ({name: value}, the skill chosen). A value the board doesn't
    know is a 404, as an address that leads nowhere. `skills`: the language's, if already read."""
    chosen = {}
    skill = None
    if kind := request.GET.get("kind"):
        if kind not in OpportunityKind.values:
            raise Http404("Unknown kind of opportunity")
        chosen["kind"] = kind
    if language := request.GET.get("language"):
        if language not in CallLanguage.values:
            raise Http404("Unknown language")
        chosen["language"] = language
    if skill_id := request.GET.get("skill"):
        skill = skill_named_by(skill_id, locale_id, skills)
        chosen["skill"] = skill_id
    return chosen, skill


def filter_opportunities(opportunities, chosen, skill):
    """`opportunities` narrowed to the kind, language and skill chosen. Translations keep their
    source's skills: they are matched by translation key."""
    if "kind" in chosen:
        opportunities = opportunities.filter(kind=chosen["kind"])
    if "language" in chosen:
        opportunities = opportunities.filter(call_language=chosen["language"])
    if skill is not None:
        opportunities = opportunities.filter(
            skills__translation_key=skill.translation_key
        ).distinct()
    return opportunities
