"""`make restore`: replace the database and the uploaded files with a backup's."""

from django.core.management.base import BaseCommand

from portal.backup import restore


class Command(BaseCommand):
    help = "Restore the PostgreSQL database and MEDIA_ROOT from a folder made by backup_site."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        restore(folder)
        self.stdout.write(f"Restored from {folder}")
