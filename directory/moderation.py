"""The moderators' side: reports of abuse reach them by e-mail and wait in the admin.

New and changed profiles reach them through Wagtail's own review queue (the "Moderators approval"
workflow, assigned to profiles by migration), which e-mails them when something waits.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.public_address import absolute
from workflows.roles import MODERATORS


def moderators_addresses():
    return list(
        get_user_model()
        .objects.filter(groups__name=MODERATORS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def alert_moderators_of_report(request, report):
    addresses = moderators_addresses()
    if not addresses:
        return
    # Staff read the admin in its default language; the report itself is the member's words.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "admin_url": absolute(
                request, reverse("wagtailsnippets_directory_abusereport:edit", args=[report.pk])
            ),
        }
        EmailMessage(
            subject=" ".join(
                render_to_string("directory/email/abuse_report_subject.txt", context).split()
            ),
            body=render_to_string("directory/email/abuse_report.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=addresses,
        ).send()
