"""Read a glossary file (TBX or CSV, told apart by content): every term is checked first, and
one problem means nothing is written."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from glossary.exchange import GlossaryFileError, import_terms, read_file


class Command(BaseCommand):
    help = "Import a glossary file (TBX or CSV); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            terms = read_file(file)
        except GlossaryFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(error.problems)} problem(s); nothing was imported."
            ) from error
        report = import_terms(terms, Path(file).name)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(report.created)}, updated {len(report.updated)}, "
                f"unchanged {report.unchanged} term(s)."
            )
        )
