"""The weekly e-mail: what it holds for each member (their language, their office, their trades
and skills, published since the last one), that it goes at most once a week and never empty,
its links and headers, and what a run costs in queries."""

import datetime
import email
import email.policy
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import formats, timezone, translation
from wagtail.models import Locale

from digest.content import digest_for
from digest.models import DigestSubscription
from digest.sending import send_digests
from events.models import EventPage
from events.occurrences import BRUSSELS
from opportunities.models import OpportunityPage
from tests.digest.factories import build_digest_site, subscription
from tests.directory.factories import member, skill, trade
from tests.events.factories import EventPageFactory, at
from tests.opportunities.factories import OpportunityPageFactory, in_days
from tests.translations.factories import translate

PUBLIC_URL = "https://portal.example.org"


@pytest.fixture(scope="module")
def site(shared_data):
    """French events and opportunities with their Dutch translations (none in English), which
    keep the French office and skills, as translations do."""
    with shared_data():
        built = build_digest_site()
        offices = built.offices
        sound = trade("Ingénieur du son", nl="Geluidstechnicus", en="Sound engineer")
        subtitling = skill("Sous-titrage", nl="Ondertiteling", en="Subtitling")
        dutch = {}

        def event(title, dutch_title, trades=(), **fields):
            page = EventPageFactory(parent=built.agendas["fr"], title=title, **fields)
            if trades:
                page.trades = list(trades)
                page.save_revision().publish()
            dutch[title] = translate(page, "nl", strings={title: dutch_title})
            return page

        def opportunity(title, dutch_title, skills=(), **fields):
            page = OpportunityPageFactory(parent=built.boards["fr"], title=title, **fields)
            if skills:
                page.skills = list(skills)
                page.save_revision().publish()
            dutch[title] = translate(page, "nl", strings={title: dutch_title})
            return page

        event(
            "Atelier prise de son",
            "Workshop geluidsopname",
            office=offices["brussels"]["fr"],
            trades=[sound],
            starts_at=at(5),
            ends_at=at(5, 20),
        )
        event(
            "Rencontre liégeoise",
            "Ontmoeting in Luik",
            office=offices["liege"]["fr"],
            starts_at=at(6),
            ends_at=at(6, 20),
        )
        event("Séance d'accueil", "Onthaalsessie", starts_at=at(7), ends_at=at(7, 20))
        event("Atelier sous-titrage", "Workshop ondertiteling", trades=[subtitling])
        event("Atelier passé", "Voorbije workshop", starts_at=at(-2), ends_at=at(-2, 20))
        opportunity(
            "Régie son pour une tournée",
            "Geluidsregie voor een tournee",
            office=offices["brussels"]["fr"],
            skills=[sound],
        )
        opportunity("Bourse liégeoise", "Luikse beurs", office=offices["liege"]["fr"])
        opportunity("Appel clos", "Gesloten oproep", closes_on=in_days(-1))
        yield {
            "offices": offices,
            "sound": sound,
            "subtitling": subtitling,
            "dutch": dutch,
            "agendas": built.agendas,
            "boards": built.boards,
        }


def in_language(instance, language):
    return instance.get_translation(Locale.objects.get(language_code=language))


def titles(digest):
    return [event.title for event, _date in digest.events] + [o.title for o in digest.opportunities]


def sent_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.mark.django_db
def test_a_dutch_member_gets_the_dutch_items_of_their_office_and_skills_chosen_in_dutch(site):
    brussel = site["offices"]["brussels"]["nl"]
    subscribed = subscription(
        member(), "nl", office=brussel, skills=[in_language(site["sound"], "nl")]
    )
    now = timezone.now()

    digest = digest_for(subscribed, now - datetime.timedelta(days=7), now)

    # The Dutch pages keep the French office and skill: matched by translation key. Liège's
    # meeting, the subtitling workshop, the past event and the closed call are left out.
    assert titles(digest) == [
        "Workshop geluidsopname",
        "Onthaalsessie",
        "Geluidsregie voor een tournee",
    ]


@pytest.mark.django_db
def test_an_office_chosen_in_french_matches_an_item_born_in_dutch_at_the_dutch_office(site):
    born_dutch = EventPageFactory(
        parent=site["agendas"]["nl"],
        title="Netwerkavond in Brussel",
        office=site["offices"]["brussels"]["nl"],
        trades=[in_language(site["subtitling"], "nl")],
    )
    subscribed = subscription(
        member(), "nl", office=site["offices"]["brussels"]["fr"], skills=[site["subtitling"]]
    )
    now = timezone.now()

    digest = digest_for(subscribed, now - datetime.timedelta(days=7), now)

    assert born_dutch.title in titles(digest)
    assert "Ontmoeting in Luik" not in titles(digest)


@pytest.mark.django_db
def test_a_member_without_office_or_skills_gets_every_coming_event_and_open_call(site):
    subscribed = subscription(member(), "fr")
    now = timezone.now()

    digest = digest_for(subscribed, now - datetime.timedelta(days=7), now)

    assert titles(digest) == [
        "Atelier prise de son",
        "Rencontre liégeoise",
        "Séance d'accueil",
        "Atelier sous-titrage",
        "Bourse liégeoise",
        "Régie son pour une tournée",
    ]


@pytest.mark.django_db
def test_the_email_holds_only_what_was_published_since_the_last_one(site):
    now = timezone.now()
    old = now - datetime.timedelta(days=10)
    EventPage.objects.filter(title="Séance d'accueil").update(first_published_at=old)
    OpportunityPage.objects.filter(title="Bourse liégeoise").update(first_published_at=old)
    user = member()
    subscription(user, "fr", last_sent_at=now - datetime.timedelta(days=8))

    assert send_digests(now) == 1

    (message,) = sent_to(user)
    assert "Atelier prise de son" in message.body
    assert "Séance d'accueil" not in message.body
    assert "Bourse liégeoise" not in message.body


@pytest.mark.django_db
def test_nobody_receives_an_empty_email_and_the_week_still_counts(site):
    user = member()
    # Nothing is published in English.
    subscribed = subscription(user, "en")
    now = timezone.now()

    assert send_digests(now) == 0

    assert sent_to(user) == []
    subscribed.refresh_from_db()
    assert subscribed.last_sent_at == now


@pytest.mark.django_db
def test_a_member_receives_one_email_a_week_at_most(site):
    user = member()
    subscribed = subscription(user, "fr")
    now = timezone.now()

    send_digests(now)
    send_digests(now + datetime.timedelta(hours=1))
    send_digests(now + datetime.timedelta(days=6))

    assert len(sent_to(user)) == 1
    subscribed.refresh_from_db()
    assert subscribed.last_sent_at == now

    # A week later, counted in days: due again, even short of seven whole days, with what was
    # published since.
    next_week = timezone.localdate(now) + datetime.timedelta(days=7)
    with time_machine.travel(datetime.datetime.combine(next_week, datetime.time(0, 1), BRUSSELS)):
        EventPageFactory(parent=site["agendas"]["fr"], title="Atelier de la semaine suivante")
        send_digests()
    assert len(sent_to(user)) == 2
    assert "Atelier de la semaine suivante" in sent_to(user)[1].body
    assert "Atelier prise de son" not in sent_to(user)[1].body


@pytest.mark.django_db
def test_the_email_is_in_the_members_language_with_links_to_each_item(site, settings):
    settings.PUBLIC_URL = PUBLIC_URL
    user = member()
    subscribed = subscription(user, "nl", office=site["offices"]["brussels"]["nl"])

    call_command("send_digest", stdout=io.StringIO())

    (message,) = sent_to(user)
    dutch_workshop = site["dutch"]["Atelier prise de son"]
    assert f"{PUBLIC_URL}/nl/" in message.body
    assert f"{PUBLIC_URL}{dutch_workshop.url}" in message.body
    assert "Workshop geluidsopname" in message.body
    assert "Atelier prise de son" not in message.body
    with translation.override("nl"):
        weekday = formats.date_format(timezone.localtime(dutch_workshop.starts_at), "l")
    assert weekday in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{PUBLIC_URL}{dutch_workshop.url}"' in html
    assert f"{PUBLIC_URL}/nl/digest/stop/{subscribed.token}/" in message.body


@pytest.mark.django_db
def test_the_email_carries_the_one_click_unsubscribe_headers(site, settings):
    settings.PUBLIC_URL = PUBLIC_URL
    user = member()
    subscribed = subscription(user, "fr")

    send_digests()

    (message,) = sent_to(user)
    # As a mail program reads it: a long header may be folded over two lines.
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    stop_url = f"{PUBLIC_URL}/fr/digest/stop/{subscribed.token}/"
    assert parsed["List-Unsubscribe"].strip() == f"<{stop_url}>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed.is_multipart()
    assert {part.get_content_type() for part in parsed.walk()} >= {"text/plain", "text/html"}


@pytest.mark.django_db
def test_a_run_for_twenty_members_costs_a_few_queries(
    site, settings, django_assert_max_num_queries
):
    settings.PUBLIC_URL = PUBLIC_URL
    offices = site["offices"]
    for number in range(20):
        language = ["fr", "nl", "en"][number % 3]
        office = [None, offices["brussels"], offices["liege"]][number % 3]
        skills = [[], [site["sound"]], [site["sound"], site["subtitling"]]][number % 3]
        subscription(
            member(),
            language,
            office=office[language] if office else None,
            skills=[in_language(s, language) for s in skills],
        )
    # The site's root paths are read once per process: not part of a run.
    site["agendas"]["fr"].get_url()

    with django_assert_max_num_queries(30):
        sent = send_digests()

    assert sent == len(mail.outbox) > 0
    assert DigestSubscription.objects.filter(last_sent_at__isnull=True).count() == 0
