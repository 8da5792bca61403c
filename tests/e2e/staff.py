"""The people who work in the admin during the journeys, and how they log in.

They are created in the e2e database by the test that needs them, in the groups the roles
migration made (workflows/roles.py, docs/roles.md), exactly as an administrator would add them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

PASSWORD = "e2e-only-not-a-real-password"


def create_staff_member(username, role):
    """A person in one of the roles' groups: "Communication", "Moderators", "Translators NL"…"""
    member = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    member.groups.add(Group.objects.get(name=role))
    return member


def log_in(page, member):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(member.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url("/admin/")
