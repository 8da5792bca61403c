"""The content the security tests request: a guide members read in each language.

Built once for the module that asks for it and rolled back after its last test: the tests that
read it change nothing of it.
"""

import pytest

from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.translations.factories import translate


@pytest.fixture(scope="module")
def guide(shared_data):
    """A French guide under a path, with its Dutch and English translations: `guide["nl"]`."""
    with shared_data():
        yield build_guide(build_site_tree())


def build_guide(site_tree):
    path = PathPageFactory(parent=site_tree.home["fr"])
    french = GuidePageFactory(
        parent=path,
        title="Déclarer ses frais",
        summary="Vous avez payé un train ou du matériel pour votre activité ? Voici comment "
        "vous faire rembourser.",
        steps=[
            step(
                "Gardez vos justificatifs",
                "<p>Gardez chaque ticket et chaque facture à votre nom.</p>",
            )
        ],
    )
    pages = {"fr": french}
    for language in ["nl", "en"]:
        translate(path, language)
        pages[language] = translate(french, language)
    return pages
