"""Send the Elasticsearch writes still pending (after an outage); run it from cron every minute."""

from django.core.management.base import BaseCommand

from search import circuit_breaker
from search.search_writes import send_all_pending


class Command(BaseCommand):
    help = "Send the Elasticsearch writes still pending, oldest first."

    def handle(self, **options):
        circuit_breaker.probe_if_due()
        if circuit_breaker.is_open():
            self.stdout.write("Elasticsearch is resting after a failure; nothing sent this time.")
            return
        self.stdout.write(f"Sent {send_all_pending()} pending search writes.")
