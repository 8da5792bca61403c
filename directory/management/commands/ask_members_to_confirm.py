"""Daily: ask year-old profiles' members to confirm them, and hide those left unanswered."""

from django.core.management.base import BaseCommand

from directory.freshness import ask_to_confirm, hide_unconfirmed


class Command(BaseCommand):
    help = "Ask members with a year-old profile to confirm it; hide those not confirmed in time."

    def handle(self, *args, **options):
        asked = ask_to_confirm()
        hidden = hide_unconfirmed()
        self.stdout.write(f"{asked} members asked to confirm, {hidden} profiles hidden.")
