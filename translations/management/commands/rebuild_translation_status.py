"""Decide every field's translation status again and store it (``translations.store``):
after content was loaded in bulk (without saves), or a language was added to the settings."""

from django.core.management.base import BaseCommand

from translations.store import rebuild


class Command(BaseCommand):
    help = "Decide every field's translation status again and store it."

    def handle(self, *args, **options):
        stored = rebuild()
        self.stdout.write(f"{stored} fields decided.")
