"""Members write to each other through the portal: neither address is shown on the site.

The message goes by e-mail to the recipient, from the portal's address; its Reply-To is the
sender's address (the form says so), so the recipient decides whether to answer. Limits per
sender keep the relay from being a spam channel, and each message carries a link to report it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.public_address import absolute

from .models import ContactMessage

# Enough for a member looking for a few collaborators in a day; too few to be worth spamming.
MESSAGES_PER_DAY = 10
MESSAGES_PER_RECIPIENT_PER_DAY = 2


class RelayRefused(Exception):
    """The message can't be sent; the text says why, in words for the sender."""


def sender_name(user):
    profile = getattr(user, "member_profile", None)
    if profile is not None and profile.live:
        return profile.display_name
    return user.get_full_name() or user.get_short_name() or user.get_username()


def check_may_send(sender, profile, now=None):
    now = now or timezone.now()
    if profile.user_id == sender.pk:
        raise RelayRefused(_("This is your own profile."))
    if not profile.accepts_messages:
        raise RelayRefused(_("This member does not accept messages through the portal."))
    if not sender.email:
        raise RelayRefused(
            _("Your account has no e-mail address, so the member could not answer you.")
        )
    since = now - timedelta(days=1)
    sent = ContactMessage.objects.filter(sender=sender, sent_at__gte=since)
    if sent.count() >= MESSAGES_PER_DAY:
        raise RelayRefused(
            _(
                "You have sent %(count)d messages today, the most a day. "
                "Please write again tomorrow."
            )
            % {"count": MESSAGES_PER_DAY}
        )
    if sent.filter(recipient=profile).count() >= MESSAGES_PER_RECIPIENT_PER_DAY:
        raise RelayRefused(
            _("You already wrote to this member today. Please wait for their answer.")
        )


def relay_message(request, sender, profile, body):
    """Keep and send `body` to the member of `profile`; raises RelayRefused when it may not."""
    check_may_send(sender, profile)
    message = ContactMessage.objects.create(sender=sender, recipient=profile, body=body)
    with translation.override(profile.language):
        report_url = absolute(request, reverse("directory:report_message", args=[message.pk]))
        settings_url = absolute(request, reverse("directory:my_profile"))
        context = {
            "sender_name": sender_name(sender),
            "recipient": profile,
            "body": body,
            "report_url": report_url,
            "settings_url": settings_url,
        }
        subject = render_to_string("directory/email/relayed_message_subject.txt", context)
        text = render_to_string("directory/email/relayed_message.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[profile.user.email],
        reply_to=[sender.email],
    ).send()
    return message
