"""What a visitor who is not signed in can reach of the directory: public profiles and their
public fields only. Members-only profiles, hidden fields, profiles waiting for review and
profiles hidden for lack of confirmation never reach them, by any address, search or sitemap.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from directory.models import MemberProfile
from directory.search import find_profiles
from tests.directory.factories import listed_profile, member, skill, waiting_profile
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory

HIDDEN_BIO = "Je restaure des vitraux anciens"
HIDDEN_CITY = "Tournai"


@pytest.fixture
def profiles(db):
    glass = skill("vitrailliste", nl="glazenier", en="stained-glass maker")
    public = listed_profile(
        member(),
        skills=[glass],
        display_name="Ana Public",
        city=HIDDEN_CITY,
        bio=HIDDEN_BIO,
        offers="Restauration de vitraux",
        visibility=MemberProfile.PUBLIC,
        public_fields="skills,offers",
    )
    members_only = listed_profile(
        member(), skills=[glass], display_name="Ben Membersonly", visibility=MemberProfile.MEMBERS
    )
    waiting = waiting_profile(
        member(),
        skills=[glass],
        display_name="Cleo Waiting",
        visibility=MemberProfile.PUBLIC,
        public_fields="skills",
    )
    stale = listed_profile(
        member(),
        skills=[glass],
        display_name="Dirk Stale",
        visibility=MemberProfile.PUBLIC,
        public_fields="skills",
        hidden_as_stale=True,
    )
    return {"public": public, "members_only": members_only, "waiting": waiting, "stale": stale}


def page_text(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_visitor_lists_only_public_profiles(client, profiles, language):
    status, text = page_text(client, f"/{language}/members/")
    assert status == 200
    assert "Ana Public" in text
    for name in ("Ben Membersonly", "Cleo Waiting", "Dirk Stale"):
        assert name not in text


@pytest.mark.parametrize("which", ["members_only", "waiting", "stale"])
def test_a_visitor_gets_not_found_for_a_profile_they_may_not_see(client, profiles, which):
    for language in ("fr", "nl", "en"):
        response = client.get(f"/{language}/members/{profiles[which].pk}/")
        assert response.status_code == 404


def test_a_visitor_sees_only_the_public_fields_of_a_public_profile(client, profiles):
    status, text = page_text(client, f"/fr/members/{profiles['public'].pk}/")
    assert status == 200
    assert "Restauration de vitraux" in text
    assert "vitrailliste" in text
    assert HIDDEN_BIO not in text
    assert HIDDEN_CITY not in text


def test_a_visitor_cannot_find_a_profile_by_a_field_it_hides(client, profiles):
    assert not find_profiles(AnonymousUser(), "vitraux anciens").exists()
    assert not find_profiles(AnonymousUser(), HIDDEN_CITY).exists()
    status, text = page_text(client, f"/fr/members/?q={HIDDEN_CITY}")
    assert "Ana Public" not in text
    status, text = page_text(client, f"/fr/search/?q={HIDDEN_CITY}")
    assert "Ana Public" not in text


def test_a_signed_in_member_sees_every_listed_profile_whole(client, profiles):
    client.force_login(member())
    status, text = page_text(client, "/nl/members/")
    assert "Ana Public" in text and "Ben Membersonly" in text
    assert "Cleo Waiting" not in text and "Dirk Stale" not in text
    status, text = page_text(client, f"/nl/members/{profiles['public'].pk}/")
    assert HIDDEN_BIO in text and HIDDEN_CITY in text
    viewer = profiles["members_only"].user
    assert list(find_profiles(viewer, HIDDEN_CITY)) == [profiles["public"]]


def test_no_profile_is_in_the_sitemap_or_offered_to_search_engines(client, profiles):
    # Until profile pages carry what search engines need (canonical, hreflang alternates, Open
    # Graph), none is listed, and each page asks not to be indexed.
    text = client.get("/sitemap.xml").content.decode()
    assert "/members/" not in text
    for url in ("/fr/members/", f"/fr/members/{profiles['public'].pk}/"):
        assert 'name="robots" content="noindex' in client.get(url).content.decode()


def test_the_unified_search_shows_visitors_public_profiles_only(client, profiles):
    status, text = page_text(client, "/en/search/?q=stained-glass+maker")
    assert status == 200
    assert "Ana Public" in text
    assert "Ben Membersonly" not in text
    client.force_login(member())
    status, text = page_text(client, "/en/search/?q=glazenier")
    assert "Ana Public" in text and "Ben Membersonly" in text


def test_no_directory_page_is_kept_by_a_shared_cache(client, profiles):
    for url in ("/fr/members/", f"/fr/members/{profiles['public'].pk}/"):
        response = client.get(url)
        assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
        assert "X-Edge-Cache" not in response and "xkey" not in response
    client.force_login(profiles["members_only"].user)
    response = client.get(f"/fr/members/{profiles['members_only'].pk}/")
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_the_members_pages_of_ones_own_send_visitors_to_sign_in(client, db):
    for name in ("my_profile", "edit_profile", "export_data", "erase_data", "confirm_profile"):
        response = client.get(reverse(f"directory:{name}"))
        assert response.status_code == 302, name
        assert "next=" in response["Location"]


def test_no_feed_or_cached_page_carries_a_profile(client, profiles, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home["fr"])
    NewsPageFactory(parent=index, title="Rencontre des membres à Liège")
    client.force_login(profiles["members_only"].user)
    # A member's visit first: nothing they saw may be kept for the visitor after them.
    for url in ("/fr/members/", f"/fr/members/{profiles['members_only'].pk}/", index.url):
        client.get(url)
    client.logout()
    for url in (index.url, index.url + "rss/", index.url + "atom/", "/fr/members/"):
        text = client.get(url).content.decode()
        for which in ("members_only", "waiting", "stale"):
            assert profiles[which].display_name not in text, url
    assert client.get(f"/fr/members/{profiles['members_only'].pk}/").status_code == 404
