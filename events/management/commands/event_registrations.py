from django.core.management.base import BaseCommand

from events.reminders import forget_past_registrations, send_reminders


class Command(BaseCommand):
    help = (
        "Send tomorrow's reminders to people registered for an event and erase registrations of "
        "events over for a week. Run once a day (cron)."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        forgotten = forget_past_registrations()
        self.stdout.write(f"Reminders sent: {sent}. Registrations erased: {forgotten}.")
