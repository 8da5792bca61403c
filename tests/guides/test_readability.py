"""Plain-language checks in the guide editor: reading ease per language, targets, jargon.

Built once for the module: the three paths and a glossary of two terms in French, translated
into Dutch and English, and a French guide that uses both terms.
"""

import pytest
from django.contrib.messages import get_messages
from django.utils.html import escape
from textstat.backend.metrics import flesch_reading_ease
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import GuidePage, Level
from guides.readability import TARGETS, guide_text, score_text
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

pytestmark = pytest.mark.django_db

# Each term in French, Dutch and English: (term, definition, variants).
TERMS = [
    {
        "fr": (
            "Note de frais",
            "Une note de frais vous fait rembourser une dépense faite pour votre activité.",
            "notes de frais",
        ),
        "nl": (
            "Onkostennota",
            "Met een onkostennota krijgt u een uitgave voor uw activiteit terugbetaald.",
            "onkostennota's",
        ),
        "en": (
            "Expense claim",
            "An expense claim pays you back money you spent for your activity.",
            "expense claims",
        ),
    },
    {
        "fr": (
            "Teamadmin",
            "Le teamadmin est l'équipe administrative de la coopérative.",
            "team admin\néquipe administrative",
        ),
        "nl": (
            "Teamadmin",
            "Teamadmin is het administratieve team van de coöperatie.",
            "team admin\nadministratief team",
        ),
        "en": (
            "Admin team",
            "The admin team handles the cooperative's paperwork.",
            "teamadmin\nadministrative team",
        ),
    },
]


@pytest.fixture(scope="module")
def site(shared_data):
    """{"paths": {level: {language: path}}, "guide": a French guide using both terms}."""
    with shared_data():
        home = build_site_tree().home
        glossary = GlossaryPageFactory(parent=home["fr"])
        for term in TERMS:
            term_text, definition, variants = term["fr"]
            source = GlossaryTermFactory(term=term_text, definition=definition, variants=variants)
            for language in ["nl", "en"]:
                strings = dict(zip(term["fr"], term[language], strict=True))
                translate(source, language, strings=strings)
        paths = {level: {"fr": PathPageFactory(parent=home["fr"], level=level)} for level in Level}
        for language in ["nl", "en"]:
            translate(glossary, language)
            for path in paths.values():
                path[language] = translate(path["fr"], language)
        guide = GuidePageFactory(
            parent=paths[Level.BASIC]["fr"],
            title="Déclarer ses frais",
            summary="Remplissez une note de frais pour vous faire rembourser.",
            steps=[
                step(
                    "Envoyez-la",
                    "<p>L'équipe administrative vérifie votre note de frais.</p>",
                )
            ],
        )
        yield {"paths": paths, "guide": guide}


EASY = {
    "fr": "Vous recevez une facture. Payez-la dans les trente jours. Une question ? Appelez-nous.",
    "nl": "U krijgt een factuur. Betaal ze binnen dertig dagen. Een vraag? Bel ons gerust op.",
    "en": "You get a bill. Pay it within thirty days. A question? Just give us a call today.",
}
HARD = {
    "fr": (
        "Conformément aux dispositions réglementaires applicables, l'administration "
        "intercommunautaire procède systématiquement à l'identification préalable des "
        "obligations contributives incombant aux associés de la coopérative."
    ),
    "nl": (
        "Overeenkomstig de toepasselijke reglementaire bepalingen verricht de "
        "intergemeenschappelijke administratie systematisch de voorafgaandelijke "
        "identificatie van de bijdrageverplichtingen van de vennoten van de coöperatie."
    ),
    "en": (
        "In accordance with applicable regulatory provisions, the intercommunity "
        "administration systematically undertakes the preliminary identification of "
        "contributory obligations incumbent upon the associates of the cooperative."
    ),
}
FORMULA_NAMES = {"fr": "Kandel–Moles", "nl": "Flesch–Douma", "en": "Flesch reading ease"}


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_french_and_dutch_scores_are_textstats_kandel_moles_and_flesch_douma(language):
    for text in (EASY[language], HARD[language]):
        assert score_text(text, language).score == round(flesch_reading_ease(text, language), 1)


def test_english_score_is_flesch_reading_ease_on_the_counted_words_and_syllables():
    result = score_text(EASY["en"], "en")
    expected = (
        206.835 - 1.015 * result.words / result.sentences - 84.6 * result.syllables / result.words
    )
    assert result.score == round(expected, 1)
    assert (result.words, result.sentences) == (17, 3)


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_short_plain_sentences_score_higher_than_administrative_prose(language):
    easy, hard = score_text(EASY[language], language), score_text(HARD[language], language)
    assert easy.score > TARGETS["facile"] > TARGETS["expert"] > hard.score
    assert easy.formula == FORMULA_NAMES[language]


def test_titles_paragraphs_and_list_items_are_read_as_sentences_of_plain_text():
    guide = GuidePageFactory.build(
        title="Payer vos cotisations",
        summary="Ce qu'il faut savoir",
        steps=[
            step(
                "Ouvrez l'espace",
                "<p>Allez dans <b>Mon profil</b></p><ul><li>Vos factures</li><li>Vos notes"
                " &amp; frais</li></ul>",
                "Gardez vos preuves",
            )
        ],
    )
    assert guide_text(guide) == (
        "Payer vos cotisations. Ce qu'il faut savoir. Ouvrez l'espace. "
        "Allez dans Mon profil. Vos factures. Vos notes & frais. Gardez vos preuves."
    )


def test_paths_have_targets_from_the_strictest_for_facile_to_expert():
    assert TARGETS["facile"] > TARGETS["basic"] > TARGETS["expert"]


@pytest.mark.parametrize(
    ("language", "jargon", "plain_words"),
    [
        ("fr", "Note de frais", "dépense"),
        ("nl", "Onkostennota", "uitgave"),
        ("en", "Expense claim", "money you spent"),
    ],
)
def test_the_editor_shows_the_score_target_and_jargon_with_its_plain_explanation(
    admin_client, site, language, jargon, plain_words
):
    # Written in its own language (a synced translation opens in the translation editor).
    guide = GuidePageFactory(
        parent=site["paths"][Level.BASIC][language],
        title=jargon,
        summary=f"{EASY[language]} {jargon}.",
    )
    result = guide.readability()
    response = admin_client.get(f"/admin/pages/{guide.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert FORMULA_NAMES[language] in html
    # The admin speaks French here: decimal comma.
    assert f"<strong>{result.score}</strong>".replace(".", ",") in html
    assert result.level == "basic" and result.target == TARGETS["basic"]
    terms = {word.term: word.definition for word in result.jargon}
    assert plain_words in terms[jargon].lower()
    assert f"<dt>{jargon}</dt>" in html
    assert escape(terms[jargon]) in html


def test_the_editor_of_a_french_guide_lists_its_jargon(admin_client, site):
    guide = site["guide"]
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "Kandel–Moles" in html
    assert "<dt>Note de frais</dt>" in html
    assert "<dt>Teamadmin</dt><dd>Trouvé sous la forme « équipe administrative ».</dd>" in html


def test_the_editor_of_a_new_guide_shows_the_panel_without_a_score(admin_client, site):
    path = site["paths"][Level.FACILE]["fr"]
    response = admin_client.get(f"/admin/pages/add/guides/guidepage/{path.pk}/")
    assert response.status_code == 200
    assert "Rien à mesurer pour l&#x27;instant" in response.content.decode()


def guide_form(title, text):
    return nested_form_data(
        {
            "title": title,
            "slug": "guide-lisibilite",
            "summary": text,
            "before_you_start": streamfield([]),
            "steps": streamfield(
                [("step", {"title": "Lisez", "body": rich_text(f"<p>{text}</p>"), "tip": ""})]
            ),
            "video": streamfield([]),
            "downloads": streamfield([]),
            "related_guides": inline_formset([]),
            "faq_questions": inline_formset([]),
            "action-publish": "publish",
        }
    )


def publish_new_guide(client, path, text):
    response = client.post(
        f"/admin/pages/add/guides/guidepage/{path.pk}/", guide_form("Guide de test", text)
    )
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    return GuidePage.objects.get(slug="guide-lisibilite"), warnings


def test_publishing_a_hard_facile_guide_warns_but_publishes(admin_client, site):
    path = site["paths"][Level.FACILE]["fr"]
    guide, warnings = publish_new_guide(admin_client, path, HARD["fr"])
    assert guide.live
    assert len(warnings) == 1
    assert "Smart Facile" in warnings[0]


def test_publishing_an_easy_facile_guide_gives_no_warning(admin_client, site):
    path = site["paths"][Level.FACILE]["fr"]
    guide, warnings = publish_new_guide(admin_client, path, EASY["fr"])
    assert guide.live
    assert warnings == []


def test_publishing_a_hard_expert_guide_gives_no_warning(admin_client, site):
    path = site["paths"][Level.EXPERT]["fr"]
    guide, warnings = publish_new_guide(admin_client, path, HARD["fr"])
    assert guide.live
    assert warnings == []


def test_a_hard_dutch_facile_guide_is_below_its_target_by_the_dutch_formula(site):
    path = site["paths"][Level.FACILE]["nl"]
    guide = GuidePageFactory(
        parent=path, title="Moeilijke gids", summary=HARD["nl"], steps=[step("Lees", "<p>.</p>")]
    )
    result = guide.readability()
    assert result.formula == "Flesch–Douma"
    assert result.level == "facile"
    assert not result.meets_target
