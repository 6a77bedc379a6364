"""Fill the interface catalogues' untranslated entries from the translation memory, fuzzy and
commented with the match's score and origin (``translationmemory.catalogues``). The memory
first learns the catalogues' translated entries as they are now."""

from django.core.management.base import BaseCommand, CommandError

from translationmemory.catalogues import pretranslate
from translationmemory.store import CATALOGUE_DOMAINS, catalogue_languages, rebuild_catalogues


class Command(BaseCommand):
    help = "Pre-translate the interface catalogues' untranslated entries from the memory."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only this language's catalogues, e.g. fr.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be filled; write nothing."
        )

    def handle(self, *args, language=None, dry_run=False, **options):
        languages = catalogue_languages()
        if language is not None and language not in languages:
            raise CommandError(
                f"Unknown catalogue language {language!r}: choose one of {', '.join(languages)}."
            )
        rebuild_catalogues()
        for code in [language] if language else languages:
            for domain in CATALOGUE_DOMAINS:
                filled = pretranslate(code, domain, dry_run=dry_run)
                self.stdout.write(f"{code} {domain}: {filled} entries pre-translated (fuzzy).")
