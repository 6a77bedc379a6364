"""Add every confirmed pair of the content and the interface catalogues to the translation
memory (``translationmemory.store.rebuild``): after content was loaded in bulk, or the
catalogues were translated."""

from django.core.management.base import BaseCommand

from translationmemory.store import rebuild


class Command(BaseCommand):
    help = "Add every confirmed translation of the content and the catalogues to the memory."

    def add_arguments(self, parser):
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Forget the memory first (the pairs of sources edited since are lost).",
        )

    def handle(self, *args, clear=False, **options):
        written = rebuild(clear=clear)
        self.stdout.write(f"{written} translation memory entries added or changed.")
