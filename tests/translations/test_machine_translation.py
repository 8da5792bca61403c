"""Machine translation in the translation editor, against local servers that speak DeepL's and
LibreTranslate's HTTP APIs (never the real services).

Each test builds a French guide in a path translated into Dutch and English; the DeepL tests also
build the glossary term "Activité" with its Dutch and English translations, DeepL's terminology.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.urls import reverse
from wagtail_localize.models import StringTranslation, TranslationSource

from guides.models import GuidePage, Level
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.translations.factories import translate_into_all

AUTH_KEY = "local-test-key"


class FakeTranslationService(BaseHTTPRequestHandler):
    """DeepL's /v2/glossaries and /v2/translate, and LibreTranslate's /translate."""

    def log_message(self, *args):
        pass

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()

    def answer(self, status, data=None):
        payload = json.dumps(data or {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        state = self.server.state
        if self.path == "/translate":
            request = json.loads(self.body())
            state["libre"].append(request)
            return self.answer(
                200, {"translatedText": [f"[{request['target']}] {q}" for q in request["q"]]}
            )
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {AUTH_KEY}":
            return self.answer(403, {"message": "Wrong key"})
        form = parse_qs(self.body())
        if self.path == "/v2/glossaries":
            glossary_id = f"glossary-{len(state['glossaries']) + 1}"
            entries = dict(line.split("\t") for line in form["entries"][0].splitlines())
            state["glossaries"][glossary_id] = entries
            return self.answer(201, {"glossary_id": glossary_id})
        if self.path == "/v2/translate":
            state["translations"].append(form)
            entries = state["glossaries"].get(form.get("glossary_id", [""])[0], {})
            texts = []
            for text in form["text"]:
                for source, target in entries.items():
                    text = text.replace(source, target)
                texts.append({"text": f"[{form['target_lang'][0]}] {text}"})
            return self.answer(200, {"translations": texts})
        return self.answer(404)

    def do_DELETE(self):  # noqa: N802
        glossary_id = self.path.rsplit("/", 1)[-1]
        self.server.state["deleted"].append(glossary_id)
        self.answer(204)


@pytest.fixture
def service():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTranslationService)
    server.state = {"glossaries": {}, "translations": [], "deleted": [], "libre": []}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def deepl(settings, service):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.GlossaryDeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": AUTH_KEY,
            "API_URL": f"http://127.0.0.1:{service.server_port}",
            "GLOSSARY_MODEL": "glossary.GlossaryTerm",
        },
    }
    return service.state


ACTIVITY = {"fr": "Activité", "nl": "Activiteit", "en": "Activity"}


@pytest.fixture
def basic_path(site_tree):
    """The French Smart Basic path, translated into Dutch and English."""
    return translate_into_all(PathPageFactory(parent=site_tree.home["fr"], level=Level.BASIC))


@pytest.fixture
def activity(db):
    """The glossary term "Activité" by language, translated into Dutch and English."""
    term = GlossaryTermFactory(
        term=ACTIVITY["fr"],
        definition="Le travail que vous menez en votre nom au sein de la coopérative.",
    )
    return translate_into_all(
        term,
        strings={language: {ACTIVITY["fr"]: ACTIVITY[language]} for language in ("nl", "en")},
    )


def guide_waiting_for_translation(admin_client, basic_path, locales, language):
    """A new French guide in `basic_path`, submitted for translation into `language`."""
    guide = GuidePageFactory(
        parent=basic_path["fr"],
        title="Votre activité",
        slug=f"votre-activite-{GuidePage.objects.count()}",
        summary="Une activité se gère dans votre espace membre.",
        steps=[step("Ouvrez votre activité", "<p>Choisissez votre activité.</p>")],
    )
    guide.save_revision().publish()
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        {"locales": [locales[language].pk]},
    )
    assert response.status_code == 302
    return TranslationSource.objects.get_for_instance(guide).translations.get()


def machine_translate(admin_client, translation):
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    return admin_client.post(url, {"next": "/admin/"})


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "target_lang"), [("nl", "NL"), ("en", "EN-GB")])
def test_deepl_translates_with_the_glossary_of_the_two_languages(
    admin_client, locales, deepl, basic_path, activity, language, target_lang
):
    translation = guide_waiting_for_translation(admin_client, basic_path, locales, language)

    assert machine_translate(admin_client, translation).status_code == 302

    [(glossary_id, entries)] = deepl["glossaries"].items()
    assert entries == {"Activité": activity[language].term}
    assert deepl["translations"][0]["glossary_id"] == [glossary_id]
    assert deepl["translations"][0]["source_lang"] == ["FR"]
    # English is asked for as British English, as the cooperative writes it.
    assert deepl["translations"][0]["target_lang"] == [target_lang]
    machine = StringTranslation.objects.filter(
        locale=locales[language], translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.filter(data__startswith=f"[{target_lang}]").count() >= 4
    assert machine.filter(tool_name="DeepL").exists()


@pytest.mark.django_db
def test_the_deepl_glossary_is_reused_and_made_again_when_a_term_changes(
    admin_client, locales, deepl, basic_path, activity
):
    cache.clear()
    first = guide_waiting_for_translation(admin_client, basic_path, locales, "nl")
    machine_translate(admin_client, first)
    second = guide_waiting_for_translation(admin_client, basic_path, locales, "nl")
    machine_translate(admin_client, second)
    assert len(deepl["glossaries"]) == 1

    dutch = activity["nl"]
    dutch.term = "Eigen activiteit"
    dutch.save()
    third = guide_waiting_for_translation(admin_client, basic_path, locales, "nl")
    machine_translate(admin_client, third)

    assert len(deepl["glossaries"]) == 2
    assert deepl["glossaries"]["glossary-2"]["Activité"] == "Eigen activiteit"
    assert deepl["deleted"] == ["glossary-1"]


@pytest.mark.django_db
def test_libretranslate_translates_when_it_is_the_one_configured(
    admin_client, locales, settings, service, basic_path
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": f"http://127.0.0.1:{service.server_port}", "API_KEY": ""},
    }
    translation = guide_waiting_for_translation(admin_client, basic_path, locales, "en")

    assert machine_translate(admin_client, translation).status_code == 302

    assert service.state["libre"][0]["source"] == "fr"
    assert StringTranslation.objects.filter(
        locale=locales["en"], tool_name="LibreTranslate", data__startswith="[en] "
    ).exists()


@pytest.mark.django_db
def test_without_a_service_configured_there_is_no_machine_translation(
    admin_client, locales, settings, basic_path
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    translation = guide_waiting_for_translation(admin_client, basic_path, locales, "nl")

    editor = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    )

    assert editor.status_code == 200
    props = BeautifulSoup(editor.content, "html.parser").find(class_="js-translation-editor")
    assert json.loads(props["data-props"])["machineTranslator"] is None
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    # Django's LocaleMiddleware tries the address under /fr/ before it answers "not found".
    assert admin_client.post(url, {"next": "/admin/"}, follow=True).status_code == 404
    assert not StringTranslation.objects.filter(locale=locales["nl"], tool_name__gt="").exists()


@pytest.mark.django_db
def test_a_refused_deepl_key_gives_the_translator_a_message_and_changes_nothing(
    admin_client, locales, deepl, settings, basic_path, activity
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["AUTH_KEY"] = "a-wrong-key"
    translation = guide_waiting_for_translation(admin_client, basic_path, locales, "nl")
    editor_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])

    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = admin_client.post(url, {"next": editor_url})

    assert response.status_code == 302
    assert response["Location"] == editor_url
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert len(errors) == 1
    assert not StringTranslation.objects.filter(locale=locales["nl"], tool_name="DeepL").exists()
