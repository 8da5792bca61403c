"""Every admin URL of member profiles and reports of abuse, for every role: only Moderators (and
administrators) reach them; members, Communication and translators are refused, changing nothing.
Nobody adds or copies a profile in the admin: members write their own.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from directory.models import AbuseReport, MemberProfile
from tests.directory.factories import listed_profile, member, waiting_profile
from tests.security.test_admin_url_permissions import admin_patterns, parameters, refused
from tests.workflows.factories import UserFactory
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

DIRECTORY_ROUTE = re.compile(r"admin/snippets/(choose/)?directory/(memberprofile|abusereport)/")
REFUSED_ROLES = [COMMUNICATION, *TRANSLATORS.values(), "member"]
ROUTES = sorted(route for route in admin_patterns() if DIRECTORY_ROUTE.match(route))


def fill(route, values):
    """`route` as a URL, each parameter replaced by its value."""

    def value(match):
        name = match.group(1) or match.group(2)
        return str(values[name])

    url = re.sub(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)", value, route)
    return "/" + url.replace("\\", "").rstrip("$")


@pytest.fixture
def world(db):
    listed = listed_profile(member(), display_name="Listed L.")
    waiting = waiting_profile(member(), display_name="Waiting W.")
    report = AbuseReport.objects.create(profile=listed, reason="Une fausse adresse.")
    return {"listed": listed, "waiting": waiting, "report": report}


def values_for(route, world):
    profile = world["waiting"]
    state = WorkflowState.objects.filter(object_id=str(profile.pk)).first()
    pk = world["report"].pk if "abusereport" in route else profile.pk
    return {
        "pk": pk,
        "revision_id": profile.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "workflow_state_id": state.pk,
        "task_state_id": state.current_task_state.pk,
        "action_name": "approve",
    }


def fingerprint():
    return (
        list(MemberProfile.objects.order_by("pk").values()),
        Revision.objects.count(),
        list(AbuseReport.objects.order_by("pk").values()),
        list(WorkflowState.objects.order_by("pk").values("pk", "status")),
    )


def person(role):
    user = UserFactory()
    if role != "member":
        user.groups.add(Group.objects.get(name=role))
    return user


def test_the_directory_has_admin_urls_to_check():
    assert len(ROUTES) >= 20
    known = {
        "pk",
        "revision_id",
        "revision_id_a",
        "revision_id_b",
        "workflow_state_id",
        "task_state_id",
        "action_name",
    }
    assert all(set(parameters(route)) <= known for route in ROUTES)


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_no_role_but_moderators_reaches_member_profiles_or_reports(client, world, role):
    client.force_login(person(role))
    before = fingerprint()
    failures = []
    for route in ROUTES:
        url = fill(route, values_for(route, world))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if not refused(response, url):
                failures.append(f"{method.upper()} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert fingerprint() == before


def test_moderators_review_profiles_and_reports_but_add_and_copy_nothing(client, world):
    client.force_login(person(MODERATORS))
    profile, report = world["waiting"], world["report"]
    assert client.get(reverse("wagtailsnippets_directory_memberprofile:list")).status_code == 200
    edit = reverse("wagtailsnippets_directory_memberprofile:edit", args=[profile.pk])
    assert client.get(edit).status_code == 200
    report_edit = reverse("wagtailsnippets_directory_abusereport:edit", args=[report.pk])
    assert client.get(report_edit).status_code == 200
    for name, args in (
        ("wagtailsnippets_directory_memberprofile:add", []),
        ("wagtailsnippets_directory_memberprofile:copy", [profile.pk]),
        ("wagtailsnippets_directory_abusereport:add", []),
    ):
        url = reverse(name, args=args)
        assert refused(client.get(url), url), name
    before = MemberProfile.objects.count()
    client.post(reverse("wagtailsnippets_directory_memberprofile:add"), {"display_name": "X"})
    assert MemberProfile.objects.count() == before
