"""The editorial roles of docs/roles.md, checked through the admin's own views.

Every role × action × language of the matrix is one test: a person in that group only (as the
migration made it) tries the action in the admin with the test client, and the test looks at
what happened — the page shown, the change published, the translation created — not only at
`has_perm`. What the actions work on is built once for the module in every language (`content`).
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, TaskState, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from glossary.models import GlossaryTerm
from home.models import HomePage
from news.models import NewsPage
from tests.directory.factories import member, waiting_profile
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.navigation.factories import SiteNavigationFactory, menu_link
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.translations.factories import translate
from tests.workflows.factories import staff_user_in
from workflows.permissions import LocalePermissionPolicy
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "nl", "en"]
ROLES = [COMMUNICATION, MODERATORS, *TRANSLATORS.values()]
ACTIONS = [
    "view",
    "edit",
    "publish",
    "delete",
    "translate",
    "manage snippets",
    "approve member profiles",
]
LANGUAGE_OF = {name: language for language, name in TRANSLATORS.items()}


def allowed(role, action, language):
    """The matrix of docs/roles.md."""
    if action == "approve member profiles":
        return role == MODERATORS
    if role == COMMUNICATION:
        return True
    if role == MODERATORS:
        return action != "manage snippets"
    return LANGUAGE_OF[role] == language and action in {
        "view",
        "edit",
        "translate",
        "manage snippets",
    }


@pytest.fixture(scope="module")
def content(shared_data):
    """What each action works on, in every language: `content["nl"]["guide"]`.

    The home page, a guide under a path, the news listing and a news item in it, and a glossary
    term, made in French and translated into Dutch and English through wagtail-localize. Built
    once for the module: each test's changes are rolled back after it.
    """
    with shared_data():
        tree = build_site_tree()
        path = PathPageFactory(parent=tree.home["fr"])
        news_index = NewsIndexPageFactory(parent=tree.home["fr"])
        french = {
            "home": tree.home["fr"],
            "path": path,
            "guide": GuidePageFactory(parent=path, title="Facturer un client"),
            "news_index": news_index,
            "news": NewsPageFactory(parent=news_index, title="Le nouveau portail est en ligne"),
            "term": GlossaryTermFactory(term="Activité"),
        }
        content = {"fr": french}
        for language in ["nl", "en"]:
            content[language] = {"home": tree.home[language]}
            # Parents before their children, as translators must.
            for name in ["path", "guide", "news_index", "news", "term"]:
                content[language][name] = translate(french[name], language)
        yield content


def member_of(role):
    return staff_user_in(role, username=f"{role.lower().replace(' ', '-')}-member")


# --- Each action, done in the admin; True when it went through --------------------------------
def views_the_language_tree(client, content, language):
    home = content[language]["home"]
    response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
    return response.status_code == 200 and response.context["parent_page"].pk == home.pk


def opens_a_guide_in_the_editor(client, content, language):
    guide = content[language]["guide"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    return response.status_code == 200


def publishes_a_news_draft(client, content, language):
    news = NewsPage.objects.get(pk=content[language]["news"].pk)
    news.title = f"{news.title} (draft)"
    news.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={news.pk}", {"include_descendants": ""})
    news.refresh_from_db()
    return not news.has_unpublished_changes and news.title.endswith("(draft)")


def deletes_a_live_news_item(client, content, language):
    news = content[language]["news"]
    assert Page.objects.filter(pk=news.pk, live=True).exists()
    client.post(reverse("wagtailadmin_pages:delete", args=[news.pk]))
    return not Page.objects.filter(pk=news.pk).exists()


def translates_a_page_into(client, content, language):
    """Submits a news item written in another language for translation into `language`."""
    source_language = "nl" if language == "fr" else "fr"
    news = NewsPageFactory(
        parent=content[source_language]["news_index"],
        title="Een nieuw bericht",
        slug="een-nieuw-bericht",
    )
    target = Locale.objects.get(language_code=language)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]),
        {"locales": [target.pk]},
    )
    return Page.objects.filter(translation_key=news.translation_key, locale=target).exists()


def edits_a_glossary_term(client, content, language):
    term = content[language]["term"]
    url = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    return client.get(url).status_code == 200


def approves_a_member_profile(client, content, language):
    """Approves, in the review queue, a profile written by a member using `language`."""
    profile = waiting_profile(member(), language=language)
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(profile.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse(
        "wagtailsnippets_directory_memberprofile:workflow_action",
        args=[profile.pk, "approve", task_state.pk],
    )
    client.post(url, {})
    profile.refresh_from_db()
    return profile.live


ACTION_DONE = {
    "view": views_the_language_tree,
    "edit": opens_a_guide_in_the_editor,
    "publish": publishes_a_news_draft,
    "delete": deletes_a_live_news_item,
    "translate": translates_a_page_into,
    "manage snippets": edits_a_glossary_term,
    "approve member profiles": approves_a_member_profile,
}

MATRIX = [
    (role, action, language) for role in ROLES for action in ACTIONS for language in LANGUAGES
]


@pytest.mark.parametrize(("role", "action", "language"), MATRIX)
def test_each_role_may_do_exactly_what_the_matrix_says(client, content, role, action, language):
    client.force_login(member_of(role))

    done = ACTION_DONE[action](client, content, language)

    assert done == allowed(role, action, language)


def test_the_matrix_has_one_case_per_role_action_and_language():
    assert len(MATRIX) == len(ROLES) * len(ACTIONS) * len(LANGUAGES) == 105


# --- Details the matrix does not show ------------------------------------------------------------
def test_roles_group_names_are_the_ones_the_cooperative_uses():
    names = set(Group.objects.values_list("name", flat=True))

    assert set(ROLES) <= names
    # Wagtail's own "Editors" became Communication, with the permissions of the role.
    assert "Editors" not in names


@pytest.mark.parametrize("language", LANGUAGES)
def test_translators_hold_their_language_home_page_made_after_the_migration(site_tree, language):
    home = site_tree.home[language]
    permissions = GroupPagePermission.objects.filter(page=home)

    assert set(permissions.values_list("group__name", flat=True)) == {TRANSLATORS[language]}
    assert set(permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }


def test_a_new_language_home_page_is_given_to_its_translators():
    dutch = Locale.objects.get(language_code="nl")
    second_home = HomePage(
        title="Tweede startpagina",
        slug="tweede-startpagina",
        lead="Een tweede site, in het Nederlands.",
        locale=dutch,
    )
    Page.get_first_root_node().add_child(instance=second_home)

    granted = GroupPagePermission.objects.filter(page=second_home)
    assert set(granted.values_list("group__name", flat=True)) == {TRANSLATORS["nl"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translators_list_only_the_snippets_of_their_language(client, content, language):
    client.force_login(member_of(TRANSLATORS[language]))
    own = GlossaryTermFactory(term="Zzz own", locale=Locale.objects.get(language_code=language))
    assert {term.locale.language_code for term in GlossaryTerm.objects.all()} == set(LANGUAGES)

    response = client.get(reverse("wagtailsnippets_glossary_glossaryterm:list"))

    listed = list(response.context["paginator"].object_list)
    assert own in listed
    assert {term.locale.language_code for term in listed} == {language}


def test_a_dutch_translator_cannot_delete_a_glossary_term(client, content):
    client.force_login(member_of(TRANSLATORS["nl"]))
    term = content["nl"]["term"]

    response = client.post(reverse("wagtailsnippets_glossary_glossaryterm:delete", args=[term.pk]))

    assert response.status_code in {302, 403}
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()


@pytest.mark.parametrize("role", TRANSLATORS.values())
def test_translators_reach_no_users_groups_or_settings(client, role):
    client.force_login(member_of(role))

    for name in ["wagtailusers_users:index", "wagtailusers_groups:index", "wagtailsites:index"]:
        response = client.get(reverse(name))
        assert response.status_code in {302, 403}, name
        assert response.status_code != 200


def test_the_dutch_translator_edits_the_dutch_menu_snippet_but_not_the_french_one(client, content):
    client.force_login(member_of(TRANSLATORS["nl"]))
    french = SiteNavigationFactory(links=[menu_link(content["fr"]["guide"], "Facturer")])
    menus = {"fr": french, "nl": translate(french, "nl")}
    url_name = "wagtailsnippets_navigation_sitenavigation:edit"

    assert client.get(reverse(url_name, args=[menus["nl"].pk])).status_code == 200
    assert client.get(reverse(url_name, args=[menus["fr"].pk])).status_code in {302, 403}


def test_every_translatable_snippet_is_managed_per_language_by_the_roles():
    translatable = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    communication = Group.objects.get(name=COMMUNICATION)
    dutch = Group.objects.get(name=TRANSLATORS["nl"])

    assert len(translatable) >= 4
    for model in translatable:
        name = model._meta.model_name
        assert isinstance(policy_registry.get_by_type(model), LocalePermissionPolicy), name
        assert communication.permissions.filter(codename=f"change_{name}").exists(), name
        assert dutch.permissions.filter(codename=f"change_{name}").exists(), name
        assert not dutch.permissions.filter(codename=f"delete_{name}").exists(), name
