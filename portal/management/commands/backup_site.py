"""`make backup`: save the database and the uploaded files into a folder."""

from django.core.management.base import BaseCommand

from portal.backup import back_up


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and MEDIA_ROOT into FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        self.stdout.write(f"Backed up to {back_up(folder)}")
