"""Factories for the member paths, their topics and guides, and the FAQ.

Pages are French by default (their parent's language); pass `parent=`. StreamFields take their
raw form: `steps=[step("Vérifiez votre contrat", "<p>…</p>")]`. Links between guides are inline
objects: `GuidePageFactory(parent=path, related_guides=[GuideRelatedGuide(guide=other)])`, and
`faq_questions=[GuideFAQQuestion(question=question)]`; give them `sort_order=` where their order
matters (the admin's form numbers them, the model leaves them unnumbered).
"""

import factory

from guides.models import FAQPage, FAQQuestion, FAQTheme, GuidePage, Level, PathPage, TopicPage
from tests.portal.factories import PageFactory


def step(title, body, tip=""):
    """One guide step in StreamField's raw form."""
    return {"type": "step", "value": {"title": title, "body": body, "tip": tip}}


def need(text):
    """One 'what you need' item in StreamField's raw form."""
    return {"type": "item", "value": text}


def video(url, title="Vidéo : la démarche pas à pas", transcript="<p>Ce que dit la vidéo.</p>"):
    """The video tutorial of a guide in StreamField's raw form."""
    return {
        "type": "video",
        "value": {"title": title, "url": url, "duration": "3 min", "transcript": transcript},
    }


class PathPageFactory(PageFactory):
    """A path under a home page; its title is the level's name ("Smart Basic") by default."""

    level = Level.BASIC
    title = factory.LazyAttribute(lambda path: Level(path.level).label)
    tagline = "Pour les membres qui ont des contrats simples"
    intro = "Les guides de ce parcours expliquent les démarches courantes, une étape à la fois."
    show_in_menus = True

    class Meta:
        model = PathPage


class TopicPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Facturer et être payé ({n})")
    intro = "Les guides pour facturer vos clients et suivre vos paiements."

    class Meta:
        model = TopicPage


class GuidePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Facturer un client ({n})")
    summary = "Ce guide vous aide à envoyer une facture à votre client, étape par étape."
    steps = factory.LazyFunction(
        lambda: [
            step(
                "Vérifiez votre contrat",
                "<p>Relisez le montant et les dates prévus avec votre client.</p>",
            )
        ]
    )

    class Meta:
        model = GuidePage


class FAQPageFactory(PageFactory):
    title = "Questions fréquentes"
    slug = "questions-frequentes"
    intro = "Les réponses courtes aux questions que les membres nous posent le plus souvent."

    class Meta:
        model = FAQPage


class FAQThemeFactory(factory.django.DjangoModelFactory):
    """A French FAQ theme; translate it with `translate(theme, "nl")`."""

    name = factory.Sequence(lambda n: f"Être payé ({n})")

    class Meta:
        model = FAQTheme


class FAQQuestionFactory(factory.django.DjangoModelFactory):
    question = factory.Sequence(lambda n: f"Quand serai-je payé ? ({n})")
    answer = "<p>Votre salaire est versé le 10 du mois qui suit votre prestation.</p>"
    theme = factory.SubFactory(FAQThemeFactory)

    class Meta:
        model = FAQQuestion
