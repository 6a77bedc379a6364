"""Export a language's content translations as a PO or XLIFF 1.2 file for translators.

One entry per translatable field of every selected content object: the context names model,
object and field (``projects.project:wapis:summary``; PO msgctxt, XLIFF trans-unit id and
resname), the source is the source-language text, the target the current translation (fuzzy /
needs-review-translation when the source changed since it was made). Written an entry at a time,
in one file or in numbered parts (--part-size), whatever the amount of content.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from translations.exchange import MAX_FILE_SIZE, ContentExchangeError, Selection
from translations.exchange_files import WRITERS, format_of, write_export


def moment(text):
    """A date (midnight) or an ISO date and time, in the site's time zone unless it says."""
    try:
        value = parse_datetime(text) or parse_date(text)
    except ValueError:
        value = None
    if value is None:
        raise CommandError(f"--since {text!r}: give a date (2026-03-01) or a date and time.")
    if not hasattr(value, "hour"):
        value = timezone.datetime(value.year, value.month, value.day)
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def part_size(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise CommandError(f"--part-size {text!r}: give a number of entries, at least 1.")
    return value


class Command(BaseCommand):
    help = "Write the content of one language as a PO or XLIFF file (source = source text)."

    def add_arguments(self, parser):
        parser.add_argument("language", help="The language to translate into, e.g. fr.")
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help="The file to write ('-' for stdout), or a directory; with --part-size, the "
            "parts are named after it: NAME-001.po, NAME-002.po...",
        )
        parser.add_argument("--format", choices=sorted(WRITERS), help="Default: by extension, po.")
        parser.add_argument(
            "--missing", action="store_true", help="Only strings not translated yet."
        )
        parser.add_argument(
            "--stale",
            action="store_true",
            help="Only strings whose translation is stale (the source changed since).",
        )
        parser.add_argument(
            "--type",
            action="append",
            default=[],
            dest="types",
            help="Only this content type (e.g. projects.project); repeatable.",
        )
        parser.add_argument(
            "--key",
            action="append",
            default=[],
            dest="keys",
            help="Only the object with this key (as in the contexts); repeatable.",
        )
        parser.add_argument(
            "--since", type=str, help="Only objects changed since this date (or date and time)."
        )
        parser.add_argument(
            "--part-size",
            type=str,
            help="Split into parts of at most this many entries (and at most "
            f"{MAX_FILE_SIZE // 1024 // 1024} MB each, what the import accepts).",
        )

    def handle(self, *args, language, output, **options):
        selection = Selection(
            types=tuple(options["types"]),
            keys=tuple(options["keys"]),
            since=moment(options["since"]) if options["since"] else None,
        )
        size = part_size(options["part_size"]) if options["part_size"] else None
        try:
            summary = write_export(
                language,
                output,
                file_format=format_of(output, options["format"]),
                missing=options["missing"],
                stale=options["stale"],
                selection=selection,
                part_size=size,
                write_stdout=lambda text: self.stdout.write(text, ending=""),
            )
        except ContentExchangeError as error:
            raise CommandError(str(error)) from error
        if output == "-":
            return
        where = (
            summary.files[0]
            if len(summary.files) == 1
            else (f"{len(summary.files)} parts, {summary.files[0]} to {summary.files[-1]}")
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {summary.strings} string(s) in {language} to {where} "
                f"({summary.untranslated} untranslated, {summary.stale} stale, "
                f"{summary.from_memory} filled from the translation memory, fuzzy)."
            )
        )
        if summary.too_large:
            self.stderr.write(
                self.style.WARNING(
                    f"The file is over {MAX_FILE_SIZE // 1024 // 1024} MB: import_content "
                    "refuses it. Export in parts (--part-size) or select less."
                )
            )
