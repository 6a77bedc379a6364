"""Import translators' PO or XLIFF 1.2 files (made by export_content) into the content, atomically.

Every entry is checked before anything is written: the file's language, each context, the
source text (it must not have changed since the export), placeholders, rich text (it must pass
the sanitiser unchanged) and slugs. One problem and nothing is written, unless --partial.
Empty and fuzzy (XLIFF: new, needs-review...) translations are skipped, never written. Several
files (the parts of an export) are one change, all or nothing; --each makes each part its own.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translations.exchange import ContentExchangeError
from translations.exchange_files import WRITERS, check_size, read_file
from translations.exchange_import import ImportRefused, import_catalogues


class Command(BaseCommand):
    help = "Apply translators' PO or XLIFF files to the content and report what changed."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="file", help="The file(s) to import.")
        parser.add_argument(
            "--format",
            choices=sorted(WRITERS),
            help="Default: by extension (.po, .xlf, .xliff), else by content.",
        )
        parser.add_argument(
            "--each",
            action="store_true",
            help="Import each file on its own (each all or nothing), not the set as one change.",
        )
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

    def handle(self, *args, files, each=False, user=None, **options):
        account = None
        if user:
            try:
                account = get_user_model()._default_manager.get_by_natural_key(user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"No user {user!r}.") from error
        try:
            for path in files:
                check_size(path)  # every file, before anything is read
        except ContentExchangeError as error:
            raise CommandError(str(error)) from error
        sets = [[path] for path in files] if each else [files]
        failed = []
        for paths in sets:
            try:
                self._import(paths, account, options, each)
            except CommandError as error:
                if not each:
                    raise
                self.stderr.write(self.style.ERROR(str(error)))
                failed.append(paths[0])
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(files)} file(s) not imported: {', '.join(failed)}."
            )

    def _import(self, paths, account, options, each):
        file_format, dry_run = options["format"], options["dry_run"]
        catalogues = ((Path(path).name, read_file(path, file_format)) for path in paths)
        named = paths[0] if len(paths) == 1 else f"{len(paths)} files"
        try:
            report = import_catalogues(
                catalogues,
                language=options["language"],
                partial=options["partial"],
                dry_run=dry_run,
                user=account,
                listener=self._listener(options["verbosity"]),
            )
        except ImportRefused as refused:
            raise CommandError(
                f"{refused.report.errors} problem(s) in {named}; nothing was imported. "
                "Fix them, or use --partial to import the rest."
            ) from refused
        except ContentExchangeError as error:
            raise CommandError(str(error)) from error
        prefix = "Would have updated" if dry_run else "Updated"
        summary = (
            f"{report.language}: {prefix} {report.updated}, confirmed "
            f"{report.confirmed}, unchanged {report.unchanged}, skipped "
            f"{report.skipped}"
            + (f", {report.errors} with problems (not imported)" if report.errors else "")
            + (f" ({named})" if len(paths) > 1 or each else "")
            + "."
        )
        self.stdout.write(self.style.SUCCESS(summary) if report.written else summary)

    def _listener(self, verbosity):
        """Each entry's fate printed as it is decided (problems always, the rest at -v 2):
        nothing is kept to print at the end, whatever the size of the files."""

        def hear(kind, context, detail):
            if kind == "errors":
                self.stderr.write(self.style.ERROR(f"  {context}: {detail}"))
            elif verbosity >= 2 and kind != "unchanged":
                what = {"confirmed": "unchanged, no longer fuzzy"}.get(kind, detail)
                self.stdout.write(f"  {kind} {context}" + (f" ({what})" if what else ""))

        return hear
