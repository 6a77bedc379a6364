"""Write the glossary as TBX (for CAT tools) or CSV (for a spreadsheet)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from glossary.exchange import read_terms, write_csv, write_tbx


class Command(BaseCommand):
    help = "Write the glossary as TBX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("tbx", "csv"), default="tbx")
        parser.add_argument("-o", "--output", default="-", help="The file ('-': stdout).")

    def handle(self, *args, format, output, **options):
        terms = read_terms()
        data = write_tbx(terms) if format == "tbx" else write_csv(terms)
        if output == "-":
            self.stdout.flush()
            sys.stdout.buffer.write(data)
            return
        try:
            with open(output, "wb") as file:
                file.write(data)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(terms)} term(s) to {output}."))
