"""Which acronyms a glossary term's name is written as, and which a query types."""

import pytest
from wagtail.models import Locale

from glossary.synonyms import MAX_ACRONYMS_SPELLED_OUT, initialisms, terms_spelled_out
from tests.glossary.factories import GlossaryTermFactory


@pytest.mark.parametrize(
    ("name", "acronyms"),
    [
        # Linking words count or not, as members write them: CA, RvB, BoD.
        ("Conseil d'administration", {"cda", "ca"}),
        ("Raad van bestuur", {"rvb", "rb"}),
        ("Board of directors", {"bod", "bd"}),
        ("Assemblée générale", {"ag"}),
        # Accents fold away; a single word has no acronym.
        ("État des lieux", {"edl", "el"}),
        ("Onkostennota", set()),
        # Abbreviations are not spelled out by their initials.
        ("ONSS/RSZ", set()),
    ],
)
def test_a_names_acronyms_are_its_initials(name, acronyms):
    assert initialisms(name) == acronyms


@pytest.mark.django_db
def test_a_query_stuffed_with_acronyms_is_read_for_its_first_few():
    names = ["Bon de commande", "Plan financier", "Note de crédit", "Registre du personnel"]
    for name in names:
        GlossaryTermFactory(term=name)
    french = Locale.objects.get(language_code="fr")

    spelled_out = terms_spelled_out("BDC PF NDC RDP", french)

    assert [(acronym, term.term) for acronym, term in spelled_out] == [
        ("BDC", "Bon de commande"),
        ("PF", "Plan financier"),
        ("NDC", "Note de crédit"),
    ][:MAX_ACRONYMS_SPELLED_OUT]
    assert len(spelled_out) == MAX_ACRONYMS_SPELLED_OUT < len(names)
