"""The people who work in the admin during the journeys, and how they log in.

They are created in the e2e database by the test that needs them, in Wagtail's default groups
(Editors, Moderators) or a group the test makes, exactly as an administrator would set them up.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.models import GroupPagePermission

PASSWORD = "e2e-only-not-a-real-password"


def create_staff_member(username, *groups):
    member = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    member.groups.add(*groups)
    return member


def default_group(name):
    """One of the groups Wagtail creates: "Editors" or "Moderators"."""
    return Group.objects.get(name=name)


def translators_group(name, home_page):
    """A group that may edit and publish the pages of one language's tree, and nothing else."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def log_in(page, member):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(member.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url("/admin/")
