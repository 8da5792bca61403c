"""Acting in the admin as editors, translators and moderators do, for the review tests.

The guide these tests share ("Facturer un client" in three languages, `invoicing_guide`), the
form data the guide editor posts (`guide_form`), and the steps of the review workflow.
"""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.translations.factories import translate

NEW_STEP_TITLE = "Vérifiez le montant avant d'envoyer"


INVOICING = {
    "title": "Facturer un client",
    "slug": "facturer-un-client",
    "summary": "Comment envoyer une facture à votre client et être payé à temps.",
    "steps": [
        step(
            "Rassemblez les coordonnées du client",
            "<p>Son nom, son adresse et son numéro de TVA.</p>",
        ),
        step(
            "Envoyez la facture depuis le portail",
            "<p>La coopérative l'envoie en votre nom.</p>",
            tip="Gardez une copie pour votre comptabilité.",
        ),
    ],
}


# What the translators wrote, segment by segment.
INVOICING_IN = {
    "nl": {
        "Facturer un client": "Een klant factureren",
        "facturer-un-client": "een-klant-factureren",
        "Comment envoyer une facture à votre client et être payé à temps.": (
            "Hoe u een factuur naar uw klant stuurt en op tijd betaald wordt."
        ),
        "Rassemblez les coordonnées du client": "Verzamel de gegevens van de klant",
        "Son nom, son adresse et son numéro de TVA.": "Naam, adres en btw-nummer.",
        "Envoyez la facture depuis le portail": "Verstuur de factuur via het portaal",
        "La coopérative l'envoie en votre nom.": "De coöperatie verstuurt ze in uw naam.",
        "Gardez une copie pour votre comptabilité.": "Bewaar een kopie voor uw boekhouding.",
    },
    "en": {
        "Facturer un client": "Invoicing a client",
        "facturer-un-client": "invoicing-a-client",
        "Comment envoyer une facture à votre client et être payé à temps.": (
            "How to send your client an invoice and be paid on time."
        ),
        "Rassemblez les coordonnées du client": "Gather the client's details",
        "Son nom, son adresse et son numéro de TVA.": "Their name, address and VAT number.",
        "Envoyez la facture depuis le portail": "Send the invoice from the portal",
        "La coopérative l'envoie en votre nom.": "The cooperative sends it on your behalf.",
        "Gardez une copie pour votre comptabilité.": "Keep a copy for your accounts.",
    },
}


def invoicing_guide(site_tree, languages=("nl", "en")):
    """The live French guide "Facturer un client" under a path of the French home page, and its
    live translations into `languages` made through wagtail-localize: {"fr": …, "nl": …, "en": …}.
    """
    path = PathPageFactory(parent=site_tree.home["fr"])
    guide = GuidePageFactory(parent=path, **INVOICING)
    pages = {"fr": guide}
    for language in languages:
        translate(path, language)
        pages[language] = translate(guide, language, strings=INVOICING_IN[language])
    return pages


def person(django_user_model, username, role):
    """A user called `username` in the role group named `role`."""
    member = django_user_model.objects.create_user(username)
    member.groups.add(Group.objects.get(name=role))
    return member


def logged_in(member):
    client = Client()
    client.force_login(member)
    return client


def guide_form(guide, action, first_step_title=None, **fields):
    """The page editor's form for `guide`, as posted, with its first step's title changed.

    Blocks keep their ids, as the editor's script posts them, so wagtail-localize finds the same
    segments. `fields` replace the title, slug or summary; with no `action` the form saves a draft.
    """
    steps = [
        (
            "step",
            {
                "title": block.value["title"],
                "body": rich_text(block.value["body"].source),
                "tip": block.value["tip"],
            },
        )
        for block in guide.steps
    ]
    if first_step_title:
        steps[0][1]["title"] = first_step_title
    data = nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "summary": guide.summary,
            "before_you_start": streamfield(
                [("item", block.value) for block in guide.before_you_start]
            ),
            "steps": streamfield(steps),
            "video": streamfield([]),
            "downloads": streamfield([]),
            "related_guides": inline_formset(
                [{"guide": link.guide_id} for link in guide.related_guides.all()]
            ),
            "faq_questions": inline_formset(
                [{"question": link.question_id} for link in guide.faq_questions.all()]
            ),
            **fields,
        }
    )
    for field in ("before_you_start", "steps"):
        for index, block in enumerate(getattr(guide, field)):
            data[f"{field}-{index}-id"] = block.id
    if action:
        data[action] = action
    return data


def live_step_titles(guide):
    """The step titles members see: those of the page record, not of a draft revision."""
    live = type(guide).objects.get(pk=guide.pk)
    return [block.value["title"] for block in live.steps]


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state=page.current_workflow_state, status=TaskState.STATUS_IN_PROGRESS
    )


def workflow_action(client, page, action, data=None):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data or {})


def translate_first_step(client, page, text):
    """What wagtail-localize's editor sends when a translator saves one segment."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    source = translation.source.get_source_instance()
    segment = StringSegment.objects.get(
        source=translation.source, string__data=source.steps[0].value["title"]
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200, response.content
