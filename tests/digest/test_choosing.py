"""A member starts the weekly e-mail, changes what it holds or stops it, from a page of their
own; their directory profile fills in the first answers, in the language of the page."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from digest.models import DigestSubscription
from tests.digest.factories import build_digest_site, subscription
from tests.directory.factories import listed_profile, member, skill, trade


@pytest.fixture(scope="module")
def site(shared_data):
    with shared_data():
        built = build_digest_site()
        sound = trade("Ingénieur du son", nl="Geluidstechnicus", en="Sound engineer")
        subtitling = skill("Sous-titrage", nl="Ondertiteling", en="Subtitling")
        yield {"offices": built.offices, "sound": sound, "subtitling": subtitling}


def settings_url(language):
    with translation.override(language):
        return reverse("digest:settings")


def form_of(response):
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one("form.member-form")


def dutch(instance):
    return instance.get_translations().get(locale__language_code="nl")


@pytest.mark.django_db
def test_a_visitor_who_is_not_signed_in_is_sent_to_the_sign_in(client, site):
    response = client.get(settings_url("fr"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("sign_in"))


@pytest.mark.django_db
def test_the_form_starts_from_the_members_profile_in_the_language_of_the_page(client, site):
    user = member()
    listed_profile(
        user,
        skills=[site["subtitling"]],
        office=site["offices"]["brussels"]["fr"],
        trade=site["sound"],
    )
    client.force_login(user)

    response = client.get(settings_url("nl"))

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    form = form_of(response)
    assert form.select_one('input[name="language"][checked]')["value"] == "nl"
    office = form.select_one('select[name="office"] option[selected]')
    assert office.get_text(strip=True) == "Smart Brussel"
    ticked = {
        box.parent.get_text(strip=True) for box in form.select('input[name="skills"][checked]')
    }
    assert ticked == {"Geluidstechnicus", "Ondertiteling"}


@pytest.mark.django_db
def test_a_member_starts_the_weekly_email(client, site):
    user = member()
    client.force_login(user)
    brussel = site["offices"]["brussels"]["nl"]
    geluid = dutch(site["sound"])

    response = client.post(
        settings_url("nl"),
        {"language": "nl", "office": brussel.pk, "skills": [geluid.pk], "action": "save"},
    )

    assert response.status_code == 302
    subscribed = DigestSubscription.objects.get(user=user)
    assert (subscribed.language, subscribed.office) == ("nl", brussel)
    assert list(subscribed.skills.all()) == [geluid]
    assert subscribed.last_sent_at is None
    page = client.get(response["Location"])
    assert "U ontvangt de wekelijkse e-mail." in page.content.decode()


@pytest.mark.django_db
def test_a_member_changes_office_and_skills_and_keeps_the_same_stop_link(client, site):
    user = member()
    subscribed = subscription(
        user, "fr", office=site["offices"]["brussels"]["fr"], skills=[site["sound"]]
    )
    client.force_login(user)

    # The page in English shows the French choices in English.
    form = form_of(client.get(settings_url("en")))
    assert form.select_one('select[name="office"] option[selected]').get_text() == "Smart Brussels"
    response = client.post(
        settings_url("en"),
        {"language": "en", "office": site["offices"]["liege"]["en"].pk, "action": "save"},
    )

    assert response.status_code == 302
    changed = DigestSubscription.objects.get(user=user)
    assert (changed.language, changed.office) == ("en", site["offices"]["liege"]["en"])
    assert list(changed.skills.all()) == []
    assert changed.token == subscribed.token


@pytest.mark.django_db
def test_a_member_stops_the_weekly_email_from_their_page(client, site):
    user = member()
    subscription(user, "fr")
    client.force_login(user)

    response = client.post(settings_url("fr"), {"action": "stop"}, follow=True)

    assert response.status_code == 200
    assert not DigestSubscription.objects.filter(user=user).exists()
    assert "Vous ne recevez pas l'e-mail de la semaine." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers",
    [
        {"language": "de"},
        {"language": "fr", "office": "not-an-office"},
        {"language": "fr", "skills": ["99999999"]},
        {"language": "fr", "office": "1" * 30},
    ],
)
def test_a_wrong_answer_is_shown_again_with_a_message_never_an_error(client, site, answers):
    user = member()
    client.force_login(user)

    response = client.post(settings_url("fr"), {**answers, "action": "save"})

    assert response.status_code == 400
    assert b'role="alert"' in response.content
    assert not DigestSubscription.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_an_office_of_another_language_is_refused(client, site):
    user = member()
    client.force_login(user)

    response = client.post(
        settings_url("fr"),
        {"language": "fr", "office": site["offices"]["brussels"]["nl"].pk, "action": "save"},
    )

    assert response.status_code == 400


@pytest.mark.django_db
def test_the_members_profile_page_links_to_the_weekly_email(client, site):
    client.force_login(member())

    response = client.get(reverse("directory:my_profile"))

    assert f'href="{reverse("digest:settings")}"'.encode() in response.content
