"""Staff in the editorial roles of workflows/roles.py, and review tasks.

`staff_user("communication")`, `staff_user("moderator")`, `staff_user("translator",
languages=["nl"])`: a user in the groups the roles migration made, with access to the admin
through them only. Translators' page rights hang on each language's home page (`site_tree`).
`staff_user_in(TRANSLATORS["nl"])` does the same from a group's name, for tests that go through
the roles one by one. `in_review(page, author)` sends a page's draft to its review workflow.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from workflows.models import ReviewTask
from workflows.roles import COMMUNICATION, LANGUAGE_OF_GROUP, MODERATORS, TRANSLATORS

PASSWORD = "a-long-test-password"
ROLE_GROUPS = {"communication": [COMMUNICATION], "moderator": [MODERATORS]}


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a login and no group: no access to the admin."""

    username = factory.Sequence(lambda n: f"staff-member-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


def staff_user(role, languages=(), admin_language=None, **fields):
    """A user in `role`'s groups: "communication", "moderator", or "translator" of `languages`.

    `admin_language` is the language the admin speaks to them (their profile's preference).
    """
    if role == "translator":
        if not languages:
            raise ValueError("A translator works in at least one language.")
        names = [TRANSLATORS[language] for language in languages]
    elif languages:
        raise ValueError(f"{role} works in every language: give no languages.")
    else:
        names = ROLE_GROUPS[role]
    user = UserFactory(**fields)
    user.groups.add(*Group.objects.filter(name__in=names))
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    return user


def staff_user_in(group_name, **fields):
    """A user in the one role group called `group_name` ("Moderators", "Translators NL"…)."""
    if group_name in LANGUAGE_OF_GROUP:
        return staff_user("translator", languages=[LANGUAGE_OF_GROUP[group_name]], **fields)
    role = {COMMUNICATION: "communication", MODERATORS: "moderator"}[group_name]
    return staff_user(role, **fields)


def in_review(page, author):
    """`page`'s current content saved as `author`'s draft and sent to the page's workflow."""
    page.save_revision(user=author)
    return page.get_workflow().start(page, author)


class ReviewTaskFactory(factory.django.DjangoModelFactory):
    """A review task approved by `groups` (Moderators by default), active."""

    name = factory.Sequence(lambda n: f"Review {n}")
    active = True

    class Meta:
        model = ReviewTask
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(task, create, extracted, **kwargs):
        if create:
            task.groups.add(*(extracted or [Group.objects.get(name=MODERATORS)]))
