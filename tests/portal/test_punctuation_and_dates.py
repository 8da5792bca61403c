"""French punctuation spacing on rendered text, and dates and times as each language writes them."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from portal.punctuation import french_spacing

NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Quand suis-je payé ?", f"Quand suis-je payé{NNBSP}?"),
        ("Quand suis-je payé?", f"Quand suis-je payé{NNBSP}?"),
        ("Attention !", f"Attention{NNBSP}!"),
        ("Autres graphies: activités", f"Autres graphies{NNBSP}: activités"),
        ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("oui ; non", f"oui{NNBSP}; non"),
        # Times, addresses and ratios keep their colon; entities are not punctuation.
        ("De 09:00 à https://smart.coop", "De 09:00 à https://smart.coop"),
        ("l&#x27;accueil&nbsp;?", f"l&#x27;accueil{NNBSP}?"),
        # Only text changes: attributes, scripts and code keep what they hold.
        ('<a title="Vraiment ?">Oui</a> : non', f'<a title="Vraiment ?">Oui</a>{NNBSP}: non'),
        (
            "<script>a ? b : c</script><code>x ? y</code>",
            "<script>a ? b : c</script><code>x ? y</code>",
        ),
        ("<code/>Quoi ?", f"<code/>Quoi{NNBSP}?"),
        # A line break typed before a mark or inside guillemets is taken up as well.
        ("Quand suis-je payé\n?", f"Quand suis-je payé{NNBSP}?"),
        ("«\nBonjour\n»", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("&laquo; Bonjour &raquo;", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("Tél. : 02 542 10 20", f"Tél.{NNBSP}: 02 542 10 20"),
        # A question mark inside an address is not punctuation.
        ("smart.coop/recherche?q=tva !", f"smart.coop/recherche?q=tva{NNBSP}!"),
    ],
)
def test_french_spacing_changes_text_only(html, expected):
    assert french_spacing(html) == expected
    # Applied twice, it changes nothing more.
    assert french_spacing(expected) == expected


@pytest.mark.parametrize(("language", "spaced"), [("fr", True), ("nl", False), ("en", False)])
def test_the_filter_spaces_french_pages_only(language, spaced):
    template = Template(
        "{% load punctuation_tags %}{% filter french_punctuation %}{{ q }}{% endfilter %}"
    )
    with translation.override(language):
        rendered = template.render(Context({"q": "Wanneer ?"}))
    assert (f"Wanneer{NNBSP}?" == rendered) is spaced
    # Escaping still applies to what the filter wraps.
    with translation.override(language):
        assert "&lt;b&gt;" in template.render(Context({"q": "<b>"}))


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", 1, "1er janvier 2027"),
        ("fr", 2, "2 janvier 2027"),
        ("nl", 1, "1 januari 2027"),
        ("en", 1, "1 January 2027"),
    ],
)
def test_the_first_of_the_month_is_1er_in_french(language, day, expected):
    template = Template('{% load date_tags %}{{ day|day_date:"j F Y" }}')
    with translation.override(language):
        assert template.render(Context({"day": datetime.date(2027, 1, day)})) == expected


@pytest.mark.parametrize(
    ("language", "opens", "closes"),
    [
        ("fr", f"9{NBSP}h", f"17{NBSP}h{NBSP}30"),
        ("nl", "9.00", "17.30"),
        ("en", "9am", "5.30pm"),
    ],
)
def test_times_read_as_each_language_writes_them(language, opens, closes):
    template = Template("{% load date_tags %}{{ opens|clock }}|{{ closes|clock }}")
    context = Context({"opens": datetime.time(9, 0), "closes": datetime.time(17, 30)})
    with translation.override(language):
        assert template.render(context) == f"{opens}|{closes}"


def test_text_marked_as_another_language_keeps_its_own_typography():
    html = (
        '<p>Oui ?</p><a lang="nl" href="/nl/">Nederlands <span>(Niet vertaald: ga)</span></a> Non ?'
    )

    assert french_spacing(html) == (
        f'<p>Oui{NNBSP}?</p><a lang="nl" href="/nl/">Nederlands <span>(Niet vertaald: ga)</span>'
        f"</a> Non{NNBSP}?"
    )
