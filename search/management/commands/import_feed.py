"""Import or update the pages of another website from its RSS feed, Atom feed or sitemap."""

from urllib.parse import urlparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from search.feeds import FeedError, parse_feed, read_source
from search.models import ExternalResource

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Command(BaseCommand):
    help = (
        "Import the pages listed by an RSS or Atom feed or a sitemap.xml (an address or a file) "
        "as external resources the search finds. Running it again adds nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="http(s) address or local path of the feed")
        parser.add_argument("--site", help="name of the website shown in results")
        parser.add_argument(
            "--language",
            choices=LANGUAGE_CODES,
            default=settings.LANGUAGE_CODE,
            help="language of entries that don't say theirs",
        )

    def handle(self, *args, source, site, language, **options):
        try:
            entries = parse_feed(read_source(source))
        except FeedError as error:
            raise CommandError(str(error)) from None
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        site = site or urlparse(source).netloc or "Smart"
        validate_url = URLValidator(schemes=["http", "https"])
        now = timezone.now()
        resources = []
        for number, entry in enumerate(entries, start=1):
            try:
                validate_url(entry.url)
            except Exception:
                raise CommandError(
                    f"Entry {number} has no valid http(s) address: {entry.url[:80]!r}"
                ) from None
            if not entry.title:
                raise CommandError(f"Entry {number} ({entry.url}) has no title")
            code = entry.language if entry.language in locales else language
            resources.append((entry, locales[code]))

        created = updated = 0
        # All or nothing: a source that fails half-way leaves what was there untouched.
        with transaction.atomic():
            for entry, locale in resources:
                _resource, was_created = ExternalResource.objects.update_or_create(
                    url=entry.url,
                    defaults={
                        "title": entry.title[:255],
                        "summary": entry.summary,
                        "locale": locale,
                        "source_site": site[:100],
                        "last_seen": now,
                    },
                )
                created += was_created
                updated += not was_created
        self.stdout.write(f"{source}: {created} added, {updated} updated.")
