"""List the media files that no row names (pictures whose save failed or was rolled back, old
renditions) and, with --delete, delete them; through the storage API, so local disk and S3 alike.

A file that a stored version (django-reversion) names is kept: reverting to it brings it back.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from content import uploads


class Command(BaseCommand):
    help = (
        "List the media files that no row of any model names (nor a stored version), and the "
        "renditions of no stored picture. A dry run unless --delete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Delete the files listed (default: only list)."
        )
        parser.add_argument(
            "--older-than",
            type=int,
            default=60,
            metavar="MINUTES",
            help="Only files written more than MINUTES ago (default 60): an upload being saved "
            "is stored a moment before the row that names it is committed.",
        )

    def handle(self, *args, delete=False, older_than=60, **options):
        # No transaction: nothing is written to the database, and a long one would only hold
        # back other work; the age limit is what keeps a save in progress safe.
        cutoff = timezone.now() - timedelta(minutes=older_than)
        found = [
            (storage, name)
            for storage, name in uploads.unnamed_files()
            if older_than <= 0 or storage.get_modified_time(name) < cutoff
        ]
        for storage, name in found:
            if delete:
                storage.delete(name)
            self.stdout.write(f"{'deleted' if delete else 'unnamed'}  {name}")
        if not found:
            self.stdout.write("Nothing to prune: every media file is named by a row.")
        elif delete:
            self.stdout.write(self.style.SUCCESS(f"Deleted {len(found)} file(s)."))
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(found)} file(s) no row names; dry run, nothing deleted. "
                    "Run again with --delete to delete them."
                )
            )
