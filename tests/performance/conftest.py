"""A realistic site in French, Dutch and English, built once per module, for the performance tests.

Page caching and query counts are only meaningful on pages as members get them: a main menu and
a footer, breadcrumbs, a language switcher with real translations, and the related items each page
type shows (a guide's related guides, FAQ questions and simpler and more detailed versions; the
home page's highlighted guides and latest news; tags on news; terms in the glossary). So every
page type is built once, in French, with all of those, and translated through wagtail-localize.

`site` gives each test the objects as saved now (tests change them, and each test's changes are
rolled back): `site.guide["nl"]`, `site.paths["expert"]["fr"]`, `site.menu["en"]`.
"""

import datetime
from dataclasses import dataclass, fields

import pytest

from guides.models import GuideFAQQuestion, GuideRelatedGuide
from home.models import HomePageFeaturedGuide
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import (
    FAQPageFactory,
    FAQQuestionFactory,
    FAQThemeFactory,
    GuidePageFactory,
    TopicPageFactory,
    need,
    step,
)
from tests.home.factories import HOME_TEXT, MissionPageFactory, build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory, NewsTagFactory
from tests.search.factories import in_every_language, paths_in_every_language
from tests.translations.factories import translate


@dataclass
class PortalSite:
    """One page of every type and the snippets they show, each as {language: object}."""

    home: dict
    paths: dict  # {level: {language: path}}
    topic: dict
    guide: dict  # expense claims: needs, steps, related guides, questions, other levels
    mission: dict
    glossary: dict
    terms: dict  # {term's French name: {language: term}}
    faq: dict
    news_index: dict
    news_item: dict
    tags: list  # [{language: tag}]
    menu: dict
    footer: dict


def build_portal_site():
    tree = build_site_tree()
    home = tree.home["fr"]
    paths = paths_in_every_language(tree.home)

    terms = {
        term: in_every_language(
            GlossaryTermFactory(term=term, variants=variants, definition=definition),
            nl={term: nl},
            en={term: en},
        )
        for term, variants, definition, nl, en in [
            (
                "Note de frais",
                "notes de frais",
                "Une demande de remboursement d'une dépense payée pour votre activité.",
                "Onkostennota",
                "Expense claim",
            ),
            (
                "Budget d'activité",
                "budgets d'activité",
                "L'argent que votre activité a gagné et que vous pouvez dépenser pour elle.",
                "Activiteitenbudget",
                "Activity budget",
            ),
            (
                "Facture",
                "factures",
                "Le document qui demande au client de payer votre travail.",
                "Factuur",
                "Invoice",
            ),
        ]
    }
    theme = FAQThemeFactory(name="Être payé")
    in_every_language(theme, nl={"Être payé": "Betaald worden"}, en={"Être payé": "Getting paid"})
    questions = [
        FAQQuestionFactory(theme=theme, question=question, answer=f"<p>{answer}</p>")
        for question, answer in [
            (
                "Quand ma note de frais est-elle remboursée ?",
                "Dans les dix jours ouvrables, si votre budget d'activité le permet.",
            ),
            ("Puis-je déclarer un trajet en voiture ?", "Oui, au tarif kilométrique en vigueur."),
        ]
    ]
    for question in questions:
        in_every_language(question)
    tags = [
        in_every_language(NewsTagFactory(name=name, slug=slug), nl={name: nl}, en={name: en})
        for name, slug, nl, en in [
            ("Outils", "outils", "Tools", "Tools"),
            ("Vie coopérative", "vie-cooperative", "Coöperatief leven", "Cooperative life"),
        ]
    ]

    topic = in_every_language(
        TopicPageFactory(
            parent=paths["expert"]["fr"],
            title="Droits d'auteur et embauche",
            intro="Quand votre activité grandit : céder vos œuvres, engager quelqu'un.",
        )
    )
    simpler = GuidePageFactory(parent=paths["facile"]["fr"], title="Vos premiers frais")
    invoicing = GuidePageFactory(parent=paths["basic"]["fr"], title="Facturer un client")
    hiring = GuidePageFactory(parent=topic["fr"], title="Engager quelqu'un pour votre activité")
    detailed = GuidePageFactory(parent=paths["expert"]["fr"], title="Les frais d'un grand projet")
    guide = GuidePageFactory(
        parent=paths["basic"]["fr"],
        title="Déclarer vos frais professionnels",
        summary="Vous avez payé un achat pour votre activité ? Introduisez une note de frais pour "
        "être remboursé depuis votre budget d'activité.",
        before_you_start=[
            need("Votre accès à l'espace membre"),
            need("Les justificatifs de vos dépenses"),
        ],
        steps=[
            step(
                "Vérifiez que la dépense est remboursable",
                "<p>La dépense doit servir à votre activité au sein de la coopérative.</p>",
                tip="Un doute ? Demandez avant d'acheter.",
            ),
            step(
                "Gardez un justificatif",
                "<p>Chaque dépense est prouvée par une facture ou un ticket.</p>",
            ),
            step(
                "Encodez la note de frais",
                "<p>Dans votre espace membre, joignez la photo du justificatif et envoyez.</p>",
            ),
        ],
        last_reviewed=datetime.date(2026, 10, 21),
        related_guides=[GuideRelatedGuide(guide=invoicing)],
        faq_questions=[GuideFAQQuestion(question=question) for question in questions],
        simpler_guide=simpler,
        detailed_guide=detailed,
    )
    guides = {page.pk: in_every_language(page) for page in [simpler, invoicing, hiring, detailed]}
    # Its title and summary read as in each language, glossary words included.
    guides[guide.pk] = in_every_language(
        guide,
        nl={
            guide.title: "Uw beroepskosten indienen",
            guide.summary: "Hebt u iets betaald voor uw activiteit? Dien een onkostennota in om "
            "terugbetaald te worden uit uw activiteitenbudget.",
        },
        en={
            guide.title: "Claiming your business expenses",
            guide.summary: "Paid for something for your activity? Submit an expense claim to be "
            "repaid from your activity budget.",
        },
    )

    mission = in_every_language(MissionPageFactory(parent=home))
    glossary = in_every_language(GlossaryPageFactory(parent=home))
    faq = in_every_language(FAQPageFactory(parent=home))
    news_index = in_every_language(NewsIndexPageFactory(parent=home))
    news_items = [
        in_every_language(
            NewsPageFactory(
                parent=news_index["fr"],
                title=title,
                date=datetime.date(2026, 9, day),
                tags=[tag["fr"] for tag in tags],
            )
        )
        for day, title in [
            (3, "Un nouvel outil pour vos notes de frais"),
            (10, "L'assemblée générale aura lieu en ligne"),
            (17, "Le portail des membres fait peau neuve"),
        ]
    ]

    home.featured_guides = [HomePageFeaturedGuide(guide=guide), HomePageFeaturedGuide(guide=hiring)]
    home.save_revision().publish()
    for language in ["nl", "en"]:
        # A sync of the home pages, which now highlight guides.
        translate(
            home,
            language,
            {HOME_TEXT["fr"][field]: HOME_TEXT[language][field] for field in HOME_TEXT["fr"]},
        )

    menu = in_every_language(
        SiteNavigationFactory(
            links=[
                *(menu_link(paths[level]["fr"], paths[level]["fr"].title) for level in paths),
                menu_link(news_index["fr"], "Actualités"),
                menu_link(faq["fr"], "Questions fréquentes"),
            ]
        )
    )
    footer = in_every_language(
        SiteFooterFactory(
            link_groups=[
                footer_group(
                    "La coopérative",
                    [(mission["fr"], "Notre mission"), (glossary["fr"], "Lexique")],
                )
            ]
        )
    )
    return PortalSite(
        home=tree.home,
        paths=paths,
        topic=topic,
        guide=guides[guide.pk],
        mission=mission,
        glossary=glossary,
        terms=terms,
        faq=faq,
        news_index=news_index,
        news_item=news_items[0],
        tags=tags,
        menu=menu,
        footer=footer,
    )


@pytest.fixture(scope="module")
def built_site(shared_data):
    with shared_data():
        yield build_portal_site()


def as_saved(value):
    """`value` with every object in it read again from the database."""
    if isinstance(value, dict):
        return {key: as_saved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_saved(item) for item in value]
    return type(value).objects.get(pk=value.pk)


@pytest.fixture
def site(db, built_site):
    """The module's site, read afresh: what an earlier test changed in memory is gone."""
    return PortalSite(
        **{field.name: as_saved(getattr(built_site, field.name)) for field in fields(PortalSite)}
    )
