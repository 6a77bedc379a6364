"""Import a translator's PO file (made by export_content) into the content, atomically.

Every entry is checked before anything is written: the file's language, each msgctxt, the
source text (it must not have changed since the export), placeholders, rich text (it must pass
the sanitiser unchanged) and slugs. One problem and nothing is written, unless --partial.
Empty and fuzzy translations are skipped, never written.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translations.exchange import (
    ContentExchangeError,
    ImportRefused,
    import_catalogue,
    read_catalogue,
)


class Command(BaseCommand):
    help = "Apply a translator's PO file to the content and report what changed."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The PO file to import.")
        parser.add_argument(
            "--language", help="Refuse the file unless it is in this language (e.g. fr)."
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Apply the valid strings even when others have problems.",
        )
        parser.add_argument(
            "--user", help="Import as this user: refused unless they may edit the language."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; write nothing."
        )

    def handle(
        self, *args, file, language=None, partial=False, user=None, dry_run=False, **options
    ):
        verbosity = options["verbosity"]
        account = None
        if user:
            try:
                account = get_user_model()._default_manager.get_by_natural_key(user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"No user {user!r}.") from error
        try:
            catalogue = read_catalogue(file)
            report = import_catalogue(
                catalogue,
                language=language,
                partial=partial,
                dry_run=dry_run,
                user=account,
                source=Path(file).name,
            )
        except ImportRefused as refused:
            self._write_problems(refused.report)
            raise CommandError(
                f"{len(refused.report.errors)} problem(s) in {file}; nothing was imported. "
                "Fix them, or use --partial to import the rest."
            ) from refused
        except ContentExchangeError as error:
            raise CommandError(str(error)) from error
        self._write_problems(report)
        if verbosity >= 2:
            for context in report.updated:
                self.stdout.write(f"  updated {context}")
            for context in report.confirmed:
                self.stdout.write(f"  confirmed {context} (unchanged, no longer fuzzy)")
            for context, reason in report.skipped:
                self.stdout.write(f"  skipped {context} ({reason})")
        prefix = "Would have updated" if dry_run else "Updated"
        summary = (
            f"{report.language}: {prefix} {len(report.updated)}, confirmed "
            f"{len(report.confirmed)}, unchanged {len(report.unchanged)}, skipped "
            f"{len(report.skipped)}"
            + (f", {len(report.errors)} with problems (not imported)" if report.errors else "")
            + "."
        )
        self.stdout.write(self.style.SUCCESS(summary) if report.written else summary)

    def _write_problems(self, report):
        for context, message in report.errors:
            self.stderr.write(self.style.ERROR(f"  {context}: {message}"))
