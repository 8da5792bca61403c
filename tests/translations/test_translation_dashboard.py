"""The translation dashboard (admin) and the notice readers of an outdated translation see.

Built once for the module (`shared_tree`): the home pages, the Smart Facile and Smart Expert paths
and the guide "Être payé pour une mission" in Smart Facile, in French and translated into Dutch
and English through wagtail-localize, so all of it is up to date. Each test adds what it is
about: a new French guide, a changed source, a translator, a page born in Dutch.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from directory.models import Skill
from glossary.models import GlossaryTerm
from guides.models import FAQQuestion, FAQTheme, GuidePage, Level, PathPage
from home.models import HomePage
from navigation.models import SiteFooter, SiteNavigation
from news.models import NewsTag
from offices.models import Service
from tests.directory.factories import skill
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import (
    FAQQuestionFactory,
    FAQThemeFactory,
    GuidePageFactory,
    PathPageFactory,
    step,
)
from tests.home.factories import build_site_tree
from tests.navigation.factories import (
    SiteFooterFactory,
    SiteNavigationFactory,
    footer_group,
    menu_link,
)
from tests.news.factories import NewsTagFactory
from tests.offices.factories import ServiceFactory
from tests.translations.factories import dutch_born_news, translate, translate_into_all
from translations.status import State, translatable_models, translation_statuses

DASHBOARD = reverse("translations:dashboard")

pytestmark = pytest.mark.django_db

GUIDE_TEXT = {
    "fr": {
        "title": "Être payé pour une mission",
        "summary": "Quand et comment la coopérative vous verse votre salaire après une mission.",
        "step": "Envoyez votre facture",
        "body": "Votre client paie la coopérative, qui vous verse ensuite votre salaire.",
    },
    "nl": {
        "title": "Betaald worden voor een opdracht",
        "summary": "Wanneer en hoe de coöperatie uw loon uitbetaalt na een opdracht.",
        "step": "Verstuur uw factuur",
        "body": "Uw klant betaalt de coöperatie, die u daarna uw loon uitbetaalt.",
    },
    "en": {
        "title": "Getting paid for an assignment",
        "summary": "When and how the cooperative pays your salary after an assignment.",
        "step": "Send your invoice",
        "body": "Your client pays the cooperative, which then pays you your salary.",
    },
}


@pytest.fixture(scope="module", autouse=True)
def shared_tree(shared_data):
    """The pages every test of the module starts from, all translated: their primary keys."""
    with shared_data():
        tree = build_site_tree()
        paths = {
            level: PathPageFactory(parent=tree.home["fr"], level=level)
            for level in (Level.FACILE, Level.EXPERT)
        }
        for path in paths.values():
            translate_into_all(path)
        french = GUIDE_TEXT["fr"]
        guide = GuidePageFactory(
            parent=paths[Level.FACILE],
            title=french["title"],
            summary=french["summary"],
            steps=[step(french["step"], f"<p>{french['body']}</p>")],
        )
        translate_into_all(
            guide,
            strings={
                language: {french[field]: GUIDE_TEXT[language][field] for field in french}
                for language in ("nl", "en")
            },
        )
        yield {
            "facile": paths[Level.FACILE].pk,
            "expert": paths[Level.EXPERT].pk,
            "guide": guide.pk,
        }


@pytest.fixture
def facile(shared_tree):
    """The French Smart Facile path, as it is in the database now."""
    return PathPage.objects.get(pk=shared_tree["facile"])


@pytest.fixture
def expert(shared_tree):
    return PathPage.objects.get(pk=shared_tree["expert"])


@pytest.fixture
def guide(shared_tree):
    """The French guide "Être payé pour une mission", translated into Dutch and English."""
    return GuidePage.objects.get(pk=shared_tree["guide"])


def guide_in(guide, language):
    return GuidePage.objects.get(
        translation_key=guide.translation_key, locale__language_code=language
    )


def rows(client, **filters):
    response = client.get(DASHBOARD, filters)
    assert response.status_code == 200
    # Every row, not just the first page of the listing.
    return response.context["paginator"].object_list, response


def rows_titled(client, title, **filters):
    found, _response = rows(client, **filters)
    return {row.language: row for row in found if row.title == title}


def totals(response):
    return dict(response.context["totals"])


def one_of_each_translatable_snippet(guide):
    """A French object of every translatable snippet model, by model, related ones first."""
    theme = FAQThemeFactory(name="Être payé")
    return {
        GlossaryTerm: GlossaryTermFactory(term="Note de frais"),
        FAQTheme: theme,
        FAQQuestion: FAQQuestionFactory(theme=theme, question="Quand serai-je payé ?"),
        NewsTag: NewsTagFactory(name="Outils", slug="outils"),
        Service: ServiceFactory(name="Salaires"),
        Skill: skill("sous-titrage"),
        SiteNavigation: SiteNavigationFactory(links=[menu_link(guide, "Être payé")]),
        SiteFooter: SiteFooterFactory(link_groups=[footer_group("Aide", [(guide, "Être payé")])]),
    }


def test_pages_and_every_translatable_snippet_translated_into_dutch_and_english_are_up_to_date(
    admin_client, guide
):
    snippets = one_of_each_translatable_snippet(guide)
    # One of each: a new translatable snippet model must be added above to be proved listed.
    assert set(snippets) == set(translatable_models()) - {Page}
    for snippet in snippets.values():
        translate_into_all(snippet)

    found, response = rows(admin_client)

    assert {row.language for row in found} == {"nl", "en"}
    assert {row.state for row in found} == {State.UP_TO_DATE}
    kinds = {row.kind for row in found}
    # Pages and every translatable snippet are listed, without code per model.
    for model in (HomePage, PathPage, GuidePage, *snippets):
        assert str(model._meta.verbose_name) in kinds
    assert totals(response)[State.labels[State.UP_TO_DATE]] == len(found)


def test_new_french_guide_is_missing_in_dutch_and_english(admin_client, facile):
    GuidePageFactory(parent=facile, title="Ouvrir votre espace membre")
    statuses = rows_titled(admin_client, "Ouvrir votre espace membre")
    assert {language: row.state for language, row in statuses.items()} == {
        "nl": State.MISSING,
        "en": State.MISSING,
    }
    assert statuses["nl"].source_url.startswith("/admin/pages/")
    assert statuses["nl"].translation_url == ""


def test_publishing_the_french_source_after_the_last_sync_makes_its_translations_outdated(
    admin_client, guide
):
    guide.save_revision().publish()
    statuses = rows_titled(admin_client, guide.title)
    assert statuses["nl"].state == State.OUTDATED
    assert statuses["en"].state == State.OUTDATED
    dutch = guide_in(guide, "nl")
    assert statuses["nl"].translation_url == reverse("wagtailadmin_pages:edit", args=[dutch.pk])


def test_editing_a_glossary_term_in_the_admin_makes_its_translations_outdated(admin_client):
    term = GlossaryTermFactory(
        term="Note de frais", definition="Une dépense que vous avancez pour votre activité."
    )
    translate_into_all(term)
    assert {row.state for row in rows_titled(admin_client, "Note de frais").values()} == {
        State.UP_TO_DATE
    }
    response = admin_client.post(
        reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk]),
        {"term": term.term, "definition": "Une dépense payée pour votre activité.", "variants": ""},
    )
    assert response.status_code == 302
    statuses = rows_titled(admin_client, "Note de frais")
    assert statuses["nl"].state == State.OUTDATED
    assert statuses["en"].state == State.OUTDATED


def test_a_translation_with_untranslated_segments_is_in_progress_with_its_percentage(
    admin_client, guide
):
    source = TranslationSource.objects.get(object_id=guide.translation_key, locale=guide.locale)
    StringTranslation.objects.filter(
        locale__language_code="nl",
        translation_of__segments__source=source,
        context__object_id=guide.translation_key,
    ).order_by("pk").first().delete()
    statuses = rows_titled(admin_client, guide.title)
    assert statuses["nl"].state == State.IN_PROGRESS
    assert 50 < statuses["nl"].percent < 100
    assert statuses["en"].state == State.UP_TO_DATE
    assert statuses["en"].percent == 100


def test_filters_keep_one_language_one_state_and_one_part_of_the_site(admin_client, facile, expert):
    GuidePageFactory(parent=facile, title="Guide facile neuf")
    GuidePageFactory(parent=expert, title="Guide expert neuf")
    found, response = rows(
        admin_client, language="en", state=State.MISSING, section=str(facile.translation_key)
    )
    assert [(row.title, row.language) for row in found] == [("Guide facile neuf", "en")]
    assert totals(response)[State.labels[State.MISSING]] == 1


def test_a_bad_filter_value_is_ignored_with_a_clear_form_error_not_a_server_error(admin_client):
    found, response = rows(admin_client, language="xx", state="nonsense")
    assert response.context["filters"].errors
    assert found


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_translators_land_on_their_own_languages_queue(client, django_user_model, facile, language):
    translator = django_user_model.objects.create_user("translator", password="a-long-password")
    translator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    translator.groups.add(Group.objects.get_or_create(name=f"Translators {language.upper()}")[0])
    client.force_login(translator)
    GuidePageFactory(parent=facile, title="Guide à traduire")
    found, response = rows(client)
    assert response.context["filters"].form.cleaned_data["language"] == language
    assert {row.language for row in found} == ({language} if language != "fr" else set())


def test_a_translator_can_still_see_every_language(client, django_user_model):
    translator = django_user_model.objects.create_user("translator", password="a-long-password")
    translator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    translator.groups.add(Group.objects.get_or_create(name="Translators NL")[0])
    client.force_login(translator)
    found, _response = rows(client, language="")
    assert {row.language for row in found} == {"nl", "en"}


def test_the_dashboard_is_in_the_admin_menu_in_every_language(admin_client, admin_user):
    for language, label in (("fr", "Traductions"), ("nl", "Vertalingen"), ("en", "Translations")):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()
        response = admin_client.get(reverse("wagtailadmin_home"))
        assert label in response.content.decode()
        assert DASHBOARD in response.content.decode()


def grow(count, already, locales, path):
    """Add French glossary terms submitted for translation into Dutch, and guides in `path`."""
    dutch, french = locales["nl"], locales["fr"]
    for number in range(already, count):
        term = GlossaryTermFactory(locale=french, term=f"Terme {number}")
        source, _created = TranslationSource.get_or_create_from_instance(term)
        Translation.objects.create(source=source, target_locale=dutch)
        GuidePageFactory(parent=path, title=f"Guide {number}")


def test_the_query_count_stays_the_same_as_sources_grow(admin_client, locales, facile):
    counts = []
    grown = 0
    for size in (2, 30):
        grow(size, grown, locales, facile)
        grown = size
        admin_client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as queries:
            found, _response = rows(admin_client, state=State.IN_PROGRESS)
        assert len([row for row in found if row.title.startswith("Terme")]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- The notice on outdated translations ----------------------------------------------------

NOTICE = {
    "nl": "Deze vertaling is misschien niet meer actueel",
    "en": "This translation may be out of date",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_readers_of_an_outdated_translation_see_a_notice_in_their_language(client, guide, language):
    french = guide
    french.save_revision().publish()
    response = client.get(guide_in(guide, language).url)
    html = response.content.decode()
    assert NOTICE[language] in html
    assert f'href="{french.url}" hreflang="fr"' in html


def test_readers_of_an_up_to_date_translation_and_of_the_source_see_no_notice(client, guide):
    for language in ("fr", "nl", "en"):
        html = client.get(guide_in(guide, language).url).content.decode()
        assert "outdated-translation" not in html


def test_a_translation_no_longer_synced_shows_no_notice(client, guide):
    french = guide
    french.save_revision().publish()
    Translation.objects.filter(
        source__object_id=french.translation_key, target_locale__language_code="nl"
    ).update(enabled=False)
    html = client.get(guide_in(guide, "nl").url).content.decode()
    assert "outdated-translation" not in html


def test_syncing_the_translation_again_removes_the_notice(
    client, guide, django_capture_on_commit_callbacks
):
    french = guide
    french.save_revision().publish()
    dutch_url = guide_in(guide, "nl").url
    assert NOTICE["nl"] in client.get(dutch_url).content.decode()
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)
    # As on commit: publishing moves the content generation on, so readers get fresh answers.
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        for translation in source.translations.all():
            translation.save_target(publish=True)
    assert NOTICE["nl"] not in client.get(dutch_url).content.decode()


def test_parts_of_the_site_are_named_in_the_admins_language(
    admin_client, admin_user, locales, facile
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "nl"
    profile.save()
    _found, response = rows(admin_client)
    choices = dict(response.context["filters"].form.fields["section"].choices)
    dutch_facile = facile.get_translation(locales["nl"])
    assert choices[str(facile.translation_key)] == dutch_facile.title


# --- Starting a missing translation from the dashboard -----------------------------------------


def translator_client(client, django_user_model, language):
    translator = django_user_model.objects.create_user(f"translator-{language}")
    translator.groups.add(Group.objects.get(name=f"Translators {language.upper()}"))
    client.force_login(translator)
    return client


def missing_source(language, site_tree, path):
    """A live source page missing in `language`: a Dutch-born news item for French, else a new
    French guide in `path`."""
    if language == "fr":
        return dutch_born_news(site_tree)
    return GuidePageFactory(parent=path, title="Guide à traduire")


def start_buttons(response):
    """The start-translation forms of the listing, by the language of their row."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [form["action"] for form in soup.select("td form")]


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_translator_starts_a_missing_translation_into_their_language_in_one_click(
    client, django_user_model, site_tree, facile, language
):
    translator = translator_client(client, django_user_model, language)
    source = missing_source(language, site_tree, facile)
    found, response = rows(translator)
    row = next(row for row in found if row.title == source.title)
    assert row.state == State.MISSING
    assert row.start_url in start_buttons(response)

    response = translator.post(row.start_url)

    target = Page.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale=target.locale
    ).exists()
    # The editor that opens is wagtail-localize's translation editor, which the translator may use.
    editor = translator.get(response["Location"])
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]


@pytest.mark.parametrize(("language", "other"), [("nl", "en"), ("en", "nl"), ("fr", "en")])
def test_a_translator_cannot_start_a_translation_into_a_language_they_do_not_work_in(
    client, django_user_model, facile, language, other
):
    translator = translator_client(client, django_user_model, language)
    guide = GuidePageFactory(parent=facile, title="Guide à traduire")
    url = reverse(
        "translations:start",
        args=[ContentType.objects.get_for_model(Page).pk, guide.pk, other],
    )
    found, response = rows(translator, language="")
    assert url not in start_buttons(response)

    response = translator.post(url)

    assert response.status_code == 403
    assert not Page.objects.filter(
        translation_key=guide.translation_key, locale__language_code=other
    ).exists()


def test_a_translator_cannot_start_translating_a_draft_they_may_not_see(
    client, django_user_model, facile
):
    translator = translator_client(client, django_user_model, "nl")
    draft = GuidePageFactory(parent=facile, title="Brouillon", live=False)
    url = reverse(
        "translations:start",
        args=[ContentType.objects.get_for_model(Page).pk, draft.pk, "nl"],
    )

    response = translator.post(url)

    assert response.status_code == 403
    assert not Page.objects.filter(
        translation_key=draft.translation_key, locale__language_code="nl"
    ).exists()


def test_starting_a_translation_of_nothing_is_a_clear_not_found(admin_client):
    url = reverse("translations:start", args=[999999, 1, "nl"])
    # (Django's LocaleMiddleware first tries the address with a language prefix.)
    assert admin_client.post(url, follow=True).status_code == 404
    assert admin_client.get(url).status_code == 405


# --- Machine translation is not "up to date" until a person reviewed it -------------------------

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def machine_translated_dutch_guide(
    admin_client, settings, facile, django_capture_on_commit_callbacks
):
    """A new French guide started in Dutch from the dashboard, machine-translated and published."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    guide = GuidePageFactory(parent=facile, title="Guide machine")
    row = rows_titled(admin_client, guide.title)["nl"]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(row.start_url)
    translation = Translation.objects.get(
        source__object_id=guide.translation_key, target_locale__language_code="nl"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": DASHBOARD},
        )
        assert response.status_code == 302
        target = translation.get_target_instance()
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    target.refresh_from_db()
    assert target.live
    assert StringTranslation.objects.filter(
        locale=target.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()
    return guide, target


def test_a_published_machine_translation_is_not_up_to_date_until_reviewed(
    admin_client, machine_translated_dutch_guide
):
    guide, _target = machine_translated_dutch_guide

    dutch = rows_titled(admin_client, guide.title)["nl"]

    assert dutch.state == State.MACHINE_UNREVIEWED
    assert dutch.percent == 100
    assert dutch.state_label == State.labels[State.MACHINE_UNREVIEWED]


def test_a_machine_translation_approved_in_review_is_up_to_date(
    admin_client,
    client,
    django_user_model,
    machine_translated_dutch_guide,
    django_capture_on_commit_callbacks,
):
    guide, target = machine_translated_dutch_guide
    translator = translator_client(client, django_user_model, "nl")
    moderator = django_user_model.objects.create_user("moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(reverse("translations:submit_for_review", args=[target.pk]))
        assert response.status_code == 302
    # Submitted, not yet approved: the latest revision is not live.
    assert rows_titled(admin_client, guide.title)["nl"].state == State.MACHINE_UNREVIEWED
    target.refresh_from_db()
    task_state = TaskState.objects.get(
        workflow_state=target.current_workflow_state, status=TaskState.STATUS_IN_PROGRESS
    )
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]
            )
        )

    assert rows_titled(admin_client, guide.title)["nl"].state == State.UP_TO_DATE


# --- Translations left without a source ---------------------------------------------------------


def test_a_site_whose_translations_all_follow_their_source_has_none_without_a_source(
    admin_client, site_tree
):
    # Besides the translated paths and guide: a French translation of a page born in Dutch.
    french_news = translate(dutch_born_news(site_tree), "fr")
    assert french_news.live

    _found, response = rows(admin_client)

    assert response.context["orphans"] == []


def test_a_translation_waiting_for_review_is_not_called_up_to_date(admin_client, guide):
    dutch = guide_in(guide, "nl")
    dutch.save_revision()  # a synced draft, as a sync sends to review

    states = {
        (row.title, row.language): row.state
        for row in translation_statuses()
        if row.language == "nl"
    }
    assert states[guide.title, "nl"] == State.NOT_LIVE
    html = admin_client.get(DASHBOARD, {"language": "nl"}).content.decode()
    # The admin speaks the site's default language, French, to an administrator.
    with translation.override("fr"):
        assert str(State.labels[State.NOT_LIVE]) in html
