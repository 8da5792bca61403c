"""Every admin URL of registrations, for every role: Communication and Moderators read the lists;
translators and members are refused everything; nobody adds, edits or deletes a registration in
the admin (people register and cancel themselves)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.choices import RegistrationStatus
from events.models import Registration
from tests.directory.test_admin_roles import fill
from tests.events.factories import at
from tests.security.test_admin_url_permissions import admin_patterns, parameters, refused
from tests.workflows.factories import UserFactory
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

ROUTE = re.compile(r"admin/registrations/")
ROUTES = sorted(route for route in admin_patterns() if ROUTE.match(route))
READERS = [COMMUNICATION, MODERATORS]
REFUSED_ROLES = [*TRANSLATORS.values(), "member"]


@pytest.fixture
def registration(db):
    return Registration.objects.create(
        event_key="6f1d8f0e-8d55-4f8e-9a8e-1c2b3d4e5f60",
        starts_at=at(10),
        name="Léa Dubois",
        email="lea@example.org",
        language="fr",
        status=RegistrationStatus.REGISTERED,
    )


def person(role):
    user = UserFactory()
    if role != "member":
        user.groups.add(Group.objects.get(name=role))
    return user


def fingerprint():
    return list(Registration.objects.order_by("pk").values())


def test_registrations_have_admin_urls_to_check():
    assert len(ROUTES) >= 5
    assert all(set(parameters(route)) <= {"pk"} for route in ROUTES)


@pytest.mark.django_db
@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_translators_and_members_reach_no_registration(client, registration, role):
    client.force_login(person(role))
    failures = []
    before = fingerprint()
    for route in ROUTES:
        url = fill(route, {"pk": registration.pk})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if not refused(response, url):
                failures.append(f"{method.upper()} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert fingerprint() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", READERS)
def test_organisers_read_and_export_the_lists_but_change_nothing(client, registration, role):
    client.force_login(person(role))

    listing = client.get(reverse("registrations:index"))
    assert listing.status_code == 200
    assert "Léa Dubois" in listing.content.decode()
    export = client.get(reverse("registrations:index") + "?export=csv")
    assert export.status_code == 200
    assert "lea@example.org" in b"".join(export.streaming_content).decode()
    before = fingerprint()
    for name, args in (
        ("registrations:add", []),
        ("registrations:edit", [registration.pk]),
        ("registrations:delete", [registration.pk]),
    ):
        url = reverse(name, args=args)
        assert refused(client.get(url), url), name
        assert refused(client.post(url, {"name": "X"}), url), name
    assert fingerprint() == before
