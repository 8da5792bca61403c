from django.core.management.base import BaseCommand

from demo.loader import DemoSiteBuilder


class Command(BaseCommand):
    help = (
        "Build the demo site in French, Dutch and English. Safe to run again: what exists is kept "
        "as it is."
    )

    def handle(self, *args, **options):
        DemoSiteBuilder(log=lambda message: self.stdout.write(message)).build()
