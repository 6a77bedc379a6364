"""Check translations against the glossary: the content (source: the content's source
language) and the interface catalogues (source: their English msgids). Exits with status 1
when anything is reported."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from glossary.check import Glossary
from translations.status import source_language


class Command(BaseCommand):
    help = "Report translations whose source holds a glossary term but which lack its approved translation."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only this language (default: every one).")
        parser.add_argument(
            "--only", choices=("content", "catalogues"), help="Only the content or the catalogues."
        )

    def handle(self, *args, language=None, only=None, **options):
        known = [code for code, _name in settings.LANGUAGES]
        if language and language not in known:
            raise CommandError(
                f"Unknown language {language!r}: the site's are {', '.join(known)}."
            )
        glossary = Glossary()
        findings = []
        for code in [language] if language else known:
            if only != "catalogues" and code != source_language():
                findings += [("content", code, f) for f in glossary.check_content(code)]
            if only != "content":
                for path in catalogue_paths(code):
                    catalogue = polib.pofile(str(path))
                    findings += [
                        (path.name, code, f) for f in glossary.check_catalogue(catalogue, code)
                    ]
        for where, code, finding in findings:
            self.stdout.write(f"[{code}] {where}: {finding}")
        if findings:
            raise CommandError(f"{len(findings)} glossary problem(s).")
        self.stdout.write(self.style.SUCCESS("No glossary problem."))


def catalogue_paths(language):
    for root in settings.LOCALE_PATHS:
        yield from sorted(Path(root, language, "LC_MESSAGES").glob("*.po"))
