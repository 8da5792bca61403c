"""Calls for language help: a call written in a language its reader doesn't master, and members
who offered, in their directory profile, to help with that language.

The opportunity's page shows those members; one of them answers the call for help through the
portal, which e-mails whoever asked (the page's contact, or the member who posted it) with the
helper's address to reply to. Neither address is shown on the site.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.pages import absolute_url

from .helpers import helper_profile
from .models import LanguageHelpOffer

# A member offers help a few times a day at most: more is a mistake, or spam for the posters.
OFFERS_PER_DAY = 5


class HelpRefused(Exception):
    """The offer can't be sent; the text says why, in words for the member, and `status` is
    the HTTP status a refused post gets (429 for the daily limit)."""

    def __init__(self, message, status=403):
        super().__init__(message)
        self.status = status


def check_may_offer(user, opportunity, now=None):
    now = now or timezone.now()
    if not (opportunity.language_help_wanted and opportunity.is_open(now)):
        raise HelpRefused(_("This call no longer looks for language help."))
    if opportunity.proposed_by_id == user.pk:
        raise HelpRefused(_("You posted this opportunity yourself."))
    if not opportunity.help_address():
        raise HelpRefused(_("Nobody receives offers of help for this call."))
    if helper_profile(user, opportunity) is None:
        raise HelpRefused(
            _(
                "Offer help with %(language)s in your directory profile first: the person who "
                "asked then knows who you are."
            )
            % {"language": opportunity.call_language_label}
        )
    if not user.email:
        raise HelpRefused(
            _("Your account has no e-mail address, so nobody could answer your offer.")
        )
    offers = LanguageHelpOffer.objects.filter(helper=user)
    if offers.filter(opportunity_key=opportunity.translation_key).exists():
        raise HelpRefused(_("You already offered your help with this call."))
    if offers.filter(sent_at__gte=now - timedelta(days=1)).count() >= OFFERS_PER_DAY:
        raise HelpRefused(
            _("You offered help %(count)d times today, the most a day. Please come back tomorrow.")
            % {"count": OFFERS_PER_DAY},
            status=429,
        )


def offer_help(request, user, opportunity, message):
    """Keep the offer and send it to whoever asked for help; raises HelpRefused if it may not."""
    check_may_offer(user, opportunity)
    profile = helper_profile(user, opportunity)
    try:
        with transaction.atomic():
            offer = LanguageHelpOffer.objects.create(
                opportunity_key=opportunity.translation_key, helper=user, message=message
            )
    except IntegrityError:
        # The same member, twice at once: the other request sent it.
        raise HelpRefused(_("You already offered your help with this call.")) from None
    # In the language the opportunity was posted in: the poster's.
    with translation.override(opportunity.locale.language_code):
        context = {
            "opportunity": opportunity,
            "helper": profile,
            "message": message,
            "opportunity_url": absolute_url(request, opportunity),
        }
        subject = render_to_string("opportunities/email/help_offer_subject.txt", context)
        text = render_to_string("opportunities/email/help_offer.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[opportunity.help_address()],
        reply_to=[user.email],
    ).send()
    return offer
