"""Demo members for `make run`: accounts as a sign-in would make them, signed into without a
provider while `DEMO_MEMBER_SIGN_IN` is on (development only, accounts/checks.py)."""

from django.contrib.auth import get_user_model

from .backends import username_for
from .models import MemberAccount

DEMO_SUBJECT_PREFIX = "demo-"


def create_demo_member(subject, first_name, last_name, email):
    """The demo member whose identity is `subject` ("demo-…"), made on first call."""
    if not subject.startswith(DEMO_SUBJECT_PREFIX):
        raise ValueError(f"A demo member's subject starts with {DEMO_SUBJECT_PREFIX!r}.")
    account = MemberAccount.objects.filter(subject=subject).select_related("user").first()
    if account is not None:
        return account.user
    user = get_user_model().objects.create_user(
        username_for(subject), email=email, first_name=first_name, last_name=last_name
    )
    MemberAccount.objects.create(user=user, subject=subject)
    return user


def demo_members():
    return (
        get_user_model()
        .objects.filter(member_account__subject__startswith=DEMO_SUBJECT_PREFIX)
        .order_by("first_name", "last_name")
    )
