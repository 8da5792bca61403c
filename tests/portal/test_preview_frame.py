"""The admin's preview panel frames a preview of the page; nothing else may frame the site.

Wagtail renders a preview through the whole middleware chain as a request for the page's public
address, so the public policy's `frame-ancestors 'none'` used to reach the preview too, and
browsers left the panel empty. Previews now allow the admin (same origin) to frame them.
"""

import pytest
from django.urls import reverse

from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.translations.factories import translate
from tests.workflows.admin_steps import guide_form

LANGUAGES = ["fr", "nl", "en"]

NEW_STEP_TITLE = "Relisez votre facture avant tout envoi"


@pytest.fixture(scope="module")
def guide(shared_data):
    """A guide with two steps, in each language: `guide["nl"]`."""
    with shared_data():
        path = PathPageFactory(parent=build_site_tree().home["fr"])
        french = GuidePageFactory(
            parent=path,
            title="Être payé",
            steps=[
                step("Envoyez votre facture", "<p>Depuis votre espace membre.</p>"),
                step("Suivez le paiement", "<p>Le statut change quand le client paie.</p>"),
            ],
        )
        pages = {"fr": french}
        for language in ["nl", "en"]:
            translate(path, language)
            pages[language] = translate(french, language)
        yield pages


def policy(response):
    return dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )


@pytest.mark.django_db
def test_the_preview_of_an_edited_guide_may_be_framed_by_the_admin(admin_client, guide):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[guide["fr"].pk])
    assert NEW_STEP_TITLE not in admin_client.get(guide["fr"].url).content.decode()

    posted = admin_client.post(url, guide_form(guide["fr"], "action-publish", NEW_STEP_TITLE))
    assert posted.json()["is_valid"]
    preview = admin_client.get(url)

    assert preview.status_code == 200
    assert NEW_STEP_TITLE in preview.content.decode()
    assert policy(preview)["frame-ancestors"] == "'self'"
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # Only the framing is relaxed: the page still runs the site's own script alone.
    assert policy(preview)["script-src"] == "'self'"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_still_forbid_every_frame(client, guide, language):
    response = client.get(guide[language].url)

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
