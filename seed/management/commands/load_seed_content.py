"""Load the page "INTERPOL and the European Union" (Arabic source and our translations).

Idempotent: objects are matched on their stable key, and a second run writes nothing.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from content.parler_cache import translations_forgotten_afterwards
from seed.loader import load_seed_content


class DryRun(Exception):
    """Raised to roll the transaction back after a dry run."""


class Command(BaseCommand):
    help = "Load the seed content in Arabic, English, French and Spanish (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing translations that differ from the seed (default: keep edits).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )

    def handle(self, *args, update=False, dry_run=False, verbosity=1, **options):
        try:
            # What parler cached of a rolled-back run is not what the database holds.
            with translations_forgotten_afterwards(), transaction.atomic():
                report = load_seed_content(update=update)
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        except ValidationError as error:
            raise CommandError(f"Seed content is invalid, nothing was written: {error}") from error
        prefix = "Would have " if dry_run else ""
        if verbosity >= 2:
            for label in report.created:
                self.stdout.write(f"  created {label}")
            for label in report.updated:
                self.stdout.write(f"  updated {label}")
        message = (
            f"{prefix}created {len(report.created)}, updated {len(report.updated)}, "
            f"{report.unchanged} unchanged."
        )
        self.stdout.write(self.style.SUCCESS(message) if report.changed else message)
