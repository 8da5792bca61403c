"""Signing members in with OpenID Connect (mozilla-django-oidc), matched by their `sub` only.

A member's first sign-in creates their account: never staff, never an administrator, with no
access to the admin. A later sign-in finds it by `sub` and refreshes their name and e-mail
(the contact relay writes to it). An existing account without a `sub` of this provider (staff,
administrators) is never signed into, whatever its e-mail address.
"""

import hashlib

from django.contrib.auth import get_user_model
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import MemberAccount


def username_for(subject):
    return "member-" + hashlib.sha256(subject.encode()).hexdigest()[:24]


class MemberOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        subject = claims.get("sub")
        if not subject:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(
            member_account__subject=subject, is_staff=False, is_superuser=False
        )

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def create_user(self, claims):
        user = get_user_model().objects.create_user(
            username_for(claims["sub"]),
            email=claims.get("email", ""),
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        MemberAccount.objects.create(
            user=user, subject=claims["sub"], last_sign_in_at=timezone.now()
        )
        return user

    def update_user(self, user, claims):
        user.email = claims.get("email", user.email)
        user.first_name = claims.get("given_name", user.first_name)[:150]
        user.last_name = claims.get("family_name", user.last_name)[:150]
        user.save(update_fields=["email", "first_name", "last_name"])
        MemberAccount.objects.filter(user=user).update(last_sign_in_at=timezone.now())
        return user
