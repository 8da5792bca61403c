"""The editorial roles of docs/roles.md, checked through the admin's own views.

Every role × action × language of the matrix is one test: a person in that group only (as the
migration made it) tries the action in the admin with the test client, and the test looks at
what happened — the page shown, the change published, the translation created — not only at
`has_perm`.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from demo.loader import demo_key
from glossary.models import GlossaryTerm
from home.models import HomePage
from navigation.models import SiteNavigation
from tests.factories import GlossaryTermFactory, NewsPageFactory
from tests.pages import LANGUAGES, demo_page
from workflows.permissions import LocalePermissionPolicy
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

ROLES = [COMMUNICATION, MODERATORS, *TRANSLATORS.values()]
ACTIONS = ["view", "edit", "publish", "delete", "translate", "manage snippets"]
LANGUAGE_OF = {name: language for language, name in TRANSLATORS.items()}


def allowed(role, action, language):
    """The matrix of docs/roles.md."""
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


def member_of(django_user_model, role):
    person = django_user_model.objects.create_user(f"{role.lower().replace(' ', '-')}-member")
    person.groups.add(Group.objects.get(name=role))
    return person


# --- Each action, done in the admin; True when it went through --------------------------------
def views_the_language_tree(client, language):
    home = demo_page("page", "home", language)
    response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
    return response.status_code == 200 and response.context["parent_page"].pk == home.pk


def opens_a_guide_in_the_editor(client, language):
    guide = demo_page("guide", "invoicing-a-client", language)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    return response.status_code == 200


def publishes_a_news_draft(client, language):
    news = demo_page("news", "new-portal", language)
    news.title = f"{news.title} (draft)"
    news.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={news.pk}", {"include_descendants": ""})
    news.refresh_from_db()
    return not news.has_unpublished_changes and news.title.endswith("(draft)")


def deletes_a_live_news_item(client, language):
    news = demo_page("news", "new-portal", language)
    client.post(reverse("wagtailadmin_pages:delete", args=[news.pk]))
    return not Page.objects.filter(pk=news.pk).exists()


def translates_a_page_into(client, language):
    """Submits a news item written in another language for translation into `language`."""
    source_language = "nl" if language == "fr" else "fr"
    news = NewsPageFactory.build(title="Een nieuw bericht", slug="een-nieuw-bericht")
    demo_page("news-index", "news", source_language).add_child(instance=news)
    target = Locale.objects.get(language_code=language)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]),
        {"locales": [target.pk]},
    )
    return Page.objects.filter(translation_key=news.translation_key, locale=target).exists()


def edits_a_glossary_term(client, language):
    term = GlossaryTerm.objects.get(
        translation_key=demo_key("term", "activity"), locale__language_code=language
    )
    url = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    return client.get(url).status_code == 200


ACTION_DONE = {
    "view": views_the_language_tree,
    "edit": opens_a_guide_in_the_editor,
    "publish": publishes_a_news_draft,
    "delete": deletes_a_live_news_item,
    "translate": translates_a_page_into,
    "manage snippets": edits_a_glossary_term,
}

MATRIX = [
    (role, action, language) for role in ROLES for action in ACTIONS for language in LANGUAGES
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "language"), MATRIX)
def test_each_role_may_do_exactly_what_the_matrix_says(
    client, django_user_model, role, action, language
):
    client.force_login(member_of(django_user_model, role))

    done = ACTION_DONE[action](client, language)

    assert done == allowed(role, action, language)


def test_the_matrix_has_one_case_per_role_action_and_language():
    assert len(MATRIX) == len(ROLES) * len(ACTIONS) * len(LANGUAGES) == 90


# --- Details the matrix does not show ------------------------------------------------------------
@pytest.mark.django_db
def test_roles_group_names_are_the_ones_the_cooperative_uses():
    names = set(Group.objects.values_list("name", flat=True))

    assert set(ROLES) <= names
    # Wagtail's own "Editors" became Communication, with the permissions of the role.
    assert "Editors" not in names


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_translators_hold_their_language_home_page_made_after_the_migration(language):
    home = demo_page("page", "home", language)
    permissions = GroupPagePermission.objects.filter(page=home)

    assert set(permissions.values_list("group__name", flat=True)) == {TRANSLATORS[language]}
    assert set(permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }


@pytest.mark.django_db
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


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_translators_list_only_the_snippets_of_their_language(client, django_user_model, language):
    client.force_login(member_of(django_user_model, TRANSLATORS[language]))
    own = GlossaryTermFactory(term="Zzz own", locale=Locale.objects.get(language_code=language))

    response = client.get(reverse("wagtailsnippets_glossary_glossaryterm:list"))

    listed = list(response.context["paginator"].object_list)
    assert own in listed
    assert {term.locale.language_code for term in listed} == {language}


@pytest.mark.django_db
def test_a_dutch_translator_cannot_delete_a_glossary_term(client, django_user_model):
    client.force_login(member_of(django_user_model, TRANSLATORS["nl"]))
    term = GlossaryTerm.objects.get(
        translation_key=demo_key("term", "activity"), locale__language_code="nl"
    )

    response = client.post(reverse("wagtailsnippets_glossary_glossaryterm:delete", args=[term.pk]))

    assert response.status_code in {302, 403}
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", TRANSLATORS.values())
def test_translators_reach_no_users_groups_or_settings(client, django_user_model, role):
    client.force_login(member_of(django_user_model, role))

    for name in ["wagtailusers_users:index", "wagtailusers_groups:index", "wagtailsites:index"]:
        response = client.get(reverse(name))
        assert response.status_code in {302, 403}, name
        assert response.status_code != 200


@pytest.mark.django_db
def test_the_dutch_translator_edits_the_dutch_menu_snippet_but_not_the_french_one(
    client, django_user_model
):
    client.force_login(member_of(django_user_model, TRANSLATORS["nl"]))
    menus = {menu.locale.language_code: menu for menu in SiteNavigation.objects.all()}
    url_name = "wagtailsnippets_navigation_sitenavigation:edit"

    assert client.get(reverse(url_name, args=[menus["nl"].pk])).status_code == 200
    assert client.get(reverse(url_name, args=[menus["fr"].pk])).status_code in {302, 403}


@pytest.mark.django_db
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
