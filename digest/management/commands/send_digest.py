from django.core.management.base import BaseCommand

from digest.sending import send_digests


class Command(BaseCommand):
    help = (
        "Send the weekly e-mail of new events and opportunities to the members due one. Run "
        "once a week (cron); run more often and each member still receives one a week at most."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Weekly e-mails sent: {sent}.")
