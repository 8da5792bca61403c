"""Finding members by a trade or skill typed in any language, by filters, within a bounded number
of queries per page.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.models import MemberProfile
from directory.search import find_profiles
from tests.directory.factories import listed_profile, member, skill, trade
from tests.offices.factories import ContactPageFactory, OfficePageFactory
from tests.translations.factories import translate

MAX_QUERIES = 10


@pytest.fixture
def members(db):
    designer = trade(
        "graphiste",
        nl="grafisch vormgever",
        en="graphic designer",
        variants={"fr": "graphistes\ndesigner graphique", "nl": "vormgever", "en": "designer"},
    )
    subtitling = skill("sous-titrage", nl="ondertiteling", en="subtitling")
    lea = listed_profile(
        member(),
        display_name="Léa G.",
        trade=designer,
        city="Gand",
        languages="fr,nl",
        can_help_with="nl",
        visibility=MemberProfile.PUBLIC,
        public_fields="trade",
    )
    # Her trade named in Dutch: the search matches by the skill, whatever language it was chosen in.
    pieter = listed_profile(
        member(),
        display_name="Pieter V.",
        trade=designer.get_translation(_nl()),
        skills=[subtitling],
        city="Antwerpen",
        languages="nl,en",
    )
    other = listed_profile(member(), display_name="Omar K.", skills=[subtitling], city="Liège")
    return {
        "lea": lea,
        "pieter": pieter,
        "omar": other,
        "designer": designer,
        "subtitling": subtitling,
    }


def _nl():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="nl")


@pytest.mark.parametrize(
    "typed",
    [
        "graphiste",
        "Graphistes",
        "vormgever",
        "graphic designer",
        "grafisch vormgever",
        "graphis",
        "designer",
    ],
)
def test_a_trade_typed_in_any_language_finds_the_same_members(members, typed):
    viewer = member()
    assert set(find_profiles(viewer, typed)) == {members["lea"], members["pieter"]}


def test_visitors_find_only_public_profiles_whose_trade_is_public(members):
    assert list(find_profiles(AnonymousUser(), "graphic designer")) == [members["lea"]]
    assert not find_profiles(AnonymousUser(), "subtitling").exists()


def test_filters_combine(members):
    viewer = member()
    key = str(members["subtitling"].translation_key)
    assert set(find_profiles(viewer, skill=key)) == {members["pieter"], members["omar"]}
    assert list(find_profiles(viewer, skill=key, language="en")) == [members["pieter"]]
    assert list(find_profiles(viewer, helps="nl")) == [members["lea"]]
    assert list(find_profiles(viewer, city="liège")) == [members["omar"]]
    assert not find_profiles(AnonymousUser(), helps="nl").exists()


def test_unknown_filter_values_are_ignored_not_an_error(client, members):
    client.force_login(member())
    response = client.get("/fr/members/?trade=nonsense&skill=42&office=1&language=xx&page=abc")
    assert response.status_code == 200
    assert "Omar K." in response.content.decode()
    # A control character is refused before any view, as everywhere on the site.
    assert client.get("/fr/members/?q=%00").status_code == 400


def test_an_office_filter_finds_its_members_in_every_language(client, members, site_tree):
    contact = ContactPageFactory(parent=site_tree.home["fr"])
    office = {"fr": OfficePageFactory(parent=contact, title="Bureau de Liège")}
    for language in ("nl", "en"):
        translate(contact, language)
        office[language] = translate(office["fr"], language)
    MemberProfile.objects.filter(pk=members["omar"].pk).update(office=office["fr"])
    client.force_login(member())
    for language in ("fr", "nl", "en"):
        key = office[language].translation_key
        text = client.get(f"/{language}/members/?office={key}").content.decode()
        assert "Omar K." in text and "Léa G." not in text
        assert office[language].title in text


@pytest.mark.parametrize("signed_in", [False, True])
def test_directory_pages_stay_within_ten_queries(
    client, members, signed_in, django_assert_max_num_queries
):
    for _ in range(25):
        listed_profile(
            member(),
            skills=[members["subtitling"]],
            visibility=MemberProfile.PUBLIC,
            public_fields="skills,trade",
        )
    if signed_in:
        client.force_login(member())
    client.get("/fr/members/")  # the site and its menus, kept by the content memo
    for url in ("/fr/members/", "/fr/members/?q=subtitling", f"/nl/members/{members['lea'].pk}/"):
        with django_assert_max_num_queries(MAX_QUERIES + (2 if signed_in else 0)):
            assert client.get(url).status_code == 200
