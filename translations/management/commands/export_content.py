"""Export a language's content translations as a PO file for translators.

One entry per translatable field of every content object: msgctxt names model, object and field
(``projects.project:wapis:summary``), msgid is the source-language text, msgstr the current
translation (flagged fuzzy when the source changed since it was made).
"""

from django.core.management.base import BaseCommand, CommandError

from translations.exchange import ContentExchangeError, export_catalogue


class Command(BaseCommand):
    help = "Write the content of one language as a PO file (msgid = source text)."

    def add_arguments(self, parser):
        parser.add_argument("language", help="The language to translate into, e.g. fr.")
        parser.add_argument(
            "-o", "--output", required=True, help="The PO file to write ('-' for stdout)."
        )
        parser.add_argument(
            "--missing", action="store_true", help="Only strings not translated yet."
        )
        parser.add_argument(
            "--stale",
            action="store_true",
            help="Only strings whose translation is stale (the source changed since).",
        )

    def handle(self, *args, language, output, missing=False, stale=False, **options):
        try:
            catalogue = export_catalogue(language, missing=missing, stale=stale)
        except ContentExchangeError as error:
            raise CommandError(str(error)) from error
        if output == "-":
            self.stdout.write(str(catalogue), ending="")
            return
        try:
            catalogue.save(output)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        fuzzy = sum(1 for entry in catalogue if "fuzzy" in entry.flags)
        untranslated = sum(1 for entry in catalogue if not entry.msgstr)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {len(catalogue)} string(s) in {language} to {output} "
                f"({untranslated} untranslated, {fuzzy} fuzzy: stale or from the "
                "translation memory)."
            )
        )
