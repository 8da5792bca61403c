"""Factories for the pages of the cooperative's other sites and the search query log, and for
content in every language for searches to find.

`in_every_language(page_or_snippet, nl={...}, en={...})` gives {"fr": …, "nl": …, "en": …},
the Dutch and English objects made through wagtail-localize from the strings given (other
segments read "NL: <French text>"). `paths_in_every_language(site_tree.home)` makes the three
member paths; `guide_in_every_language(path, fr=…, nl=…, en=…)` a guide whose words differ per
language, as a search by language needs.
"""

import factory
from django.utils import timezone
from wagtail.models import Locale

from guides.models import Level
from search.models import ExternalResource, SearchQueryLog
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.translations.factories import translate

TRANSLATED_LANGUAGES = ["nl", "en"]
# What each path is for, as members read it on the home page.
PATH_TAGLINES = {
    Level.FACILE: {
        "fr": "Pour les membres qui découvrent la coopérative",
        "nl": "Voor leden die de coöperatie net leren kennen",
        "en": "For members new to the cooperative",
    },
    Level.BASIC: {
        "fr": "Pour les membres qui ont des contrats simples",
        "nl": "Voor leden met eenvoudige contracten",
        "en": "For members with simple contracts",
    },
    Level.EXPERT: {
        "fr": "Pour les membres aux activités développées",
        "nl": "Voor leden met uitgebreide activiteiten",
        "en": "For members with developed activities",
    },
}


class ExternalResourceFactory(factory.django.DjangoModelFactory):
    """A French page of the cooperative's blog, as the feed import stores it."""

    title = factory.Sequence(lambda n: f"Bien préparer sa première facture ({n})")
    url = factory.Sequence(lambda n: f"https://blog.example.org/articles/{n}/")
    summary = "Les conseils de nos membres pour une première facture sans erreur."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))
    source_site = "Blog Smart"
    last_seen = factory.LazyFunction(timezone.now)

    class Meta:
        model = ExternalResource


class SearchQueryLogFactory(factory.django.DjangoModelFactory):
    """Today's searches for a query in French."""

    query = factory.Sequence(lambda n: f"facture {n}")
    language = "fr"
    day = factory.LazyFunction(timezone.localdate)
    searches = 1
    results = 3

    class Meta:
        model = SearchQueryLog


def in_every_language(instance, nl=None, en=None):
    """`instance` (French) and its Dutch and English translations, by language code.

    `nl` and `en` map French segment text to its translation; parents and the snippets a page
    points at must be translated first, as translators must.
    """
    strings = {"nl": nl, "en": en}
    return {
        "fr": instance,
        **{language: translate(instance, language, strings[language]) for language in strings},
    }


def paths_in_every_language(home):
    """{level: {language: path}}: Smart Facile, Basic and Expert under each home page of `home`.

    Path titles are the level's name in every language, as members know them.
    """
    paths = {}
    for level in Level:
        tagline = PATH_TAGLINES[level]
        path = PathPageFactory(parent=home["fr"], level=level, tagline=tagline["fr"])
        paths[level.value] = in_every_language(
            path,
            **{
                language: {level.label: level.label, tagline["fr"]: tagline[language]}
                for language in TRANSLATED_LANGUAGES
            },
        )
    return paths


def guide_in_every_language(parent, fr, nl, en, **fields):
    """A French guide under `parent` and its translations, each language with its own words.

    `fr`, `nl` and `en` are each {"title", "summary", "step", "body"}: the guide's title and
    summary, and the title and text (HTML paragraphs' content) of its one step. What a language
    leaves out reads as `translate` leaves it ("NL: <French text>").
    """
    guide = GuidePageFactory(
        parent=parent,
        title=fr["title"],
        summary=fr["summary"],
        steps=[step(fr["step"], f"<p>{fr['body']}</p>")],
        **fields,
    )
    texts = {"nl": nl, "en": en}
    return in_every_language(
        guide,
        **{
            language: {fr[part]: texts[language][part] for part in fr if part in texts[language]}
            for language in TRANSLATED_LANGUAGES
        },
    )


# The invoicing guide in its own words in each language, for the Elasticsearch tests: the same
# texts against the recording stand-in and a live server.
INVOICING_A_CLIENT = {
    "fr": {
        "title": "Facturer un client",
        "summary": "Comment préparer une facture correcte et la faire partir.",
        "step": "Créez la facture",
        "body": "Encodez le montant et les jours de travail dans votre espace membre.",
    },
    "nl": {
        "title": "Een klant factureren",
        "summary": "Zo maakt u een correcte factuur en verstuurt u ze.",
        "step": "Maak de factuur",
        "body": "Vul het bedrag en de werkdagen in uw ledenruimte in.",
    },
    "en": {
        "title": "Invoicing a client",
        "summary": "How to prepare a correct invoice and send it.",
        "step": "Create the invoice",
        "body": "Enter the amount and the days worked in your member space.",
    },
}
