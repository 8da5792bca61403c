"""Signing members in with OpenID Connect (mozilla-django-oidc), matched by their `sub` only.

A member's first sign-in creates their account: never staff, never an administrator, with no
password and no access to the admin. A later sign-in finds it by `sub` and refreshes their name
and e-mail (the contact relay writes to it). An account without a `sub` of this provider (staff,
administrators) is never signed into, whatever its e-mail address, and neither is a member's
account someone has since made staff.
"""

import hashlib
import logging

import requests
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import MemberAccount

logger = logging.getLogger(__name__)


def username_for(subject):
    """A stable username for the identity `subject`, which may be anything the provider likes."""
    return "member-" + hashlib.sha256(subject.encode()).hexdigest()[:24]


def claim(claims, name, default="", length=150):
    """The text of claim `name`, cut to fit the user's field; `default` when absent or null."""
    value = claims.get(name)
    return default if value is None else str(value)[:length]


class MemberOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        # A provider that is down, slow or refuses the code must end in "sign-in didn't work"
        # (LOGIN_REDIRECT_URL_FAILURE), not in a server error.
        try:
            return super().authenticate(request, **kwargs)
        except requests.RequestException as error:
            logger.warning("Members' sign-in failed at the identity provider: %s", error)
            return None

    def get_userinfo(self, access_token, id_token, payload):
        # Members are matched by `sub`: the user info must be about the person the signed ID
        # token names (OpenID Connect Core, 5.3.2).
        claims = super().get_userinfo(access_token, id_token, payload)
        if not claims.get("sub") or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The user info's sub is not the ID token's.")
        return claims

    def describe_user_by_claims(self, claims):
        # What the library logs: the identity, not the e-mail address.
        return f"sub {claims.get('sub')}"

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return get_user_model().objects.filter(
            member_account__subject=claims["sub"], is_staff=False, is_superuser=False
        )

    def create_user(self, claims):
        if MemberAccount.objects.filter(subject=claims["sub"]).exists():
            # The member's account has been given staff rights since: staff use the admin login.
            raise SuspiciousOperation("A staff account can't be signed into by OpenID Connect.")
        user = get_user_model().objects.create_user(
            username_for(claims["sub"]),
            email=claim(claims, "email", length=254),
            first_name=claim(claims, "given_name"),
            last_name=claim(claims, "family_name"),
        )
        MemberAccount.objects.create(
            user=user, subject=claims["sub"], last_sign_in_at=timezone.now()
        )
        return user

    def update_user(self, user, claims):
        user.email = claim(claims, "email", user.email, length=254)
        user.first_name = claim(claims, "given_name", user.first_name)
        user.last_name = claim(claims, "family_name", user.last_name)
        user.save(update_fields=["email", "first_name", "last_name"])
        MemberAccount.objects.filter(user=user).update(last_sign_in_at=timezone.now())
        return user
