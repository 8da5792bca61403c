"""The demo sign-in (anyone signs in as a demo member) can never be on in production."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def demo_sign_in_only_in_development(app_configs, **kwargs):
    if getattr(settings, "DEMO_MEMBER_SIGN_IN", False) and not settings.DEBUG:
        return [
            Error(
                "DEMO_MEMBER_SIGN_IN is on while DEBUG is off: anyone could sign in as a demo "
                "member.",
                hint="Turn DEMO_MEMBER_SIGN_IN off outside development.",
                id="accounts.E001",
            )
        ]
    return []
