"""Enrol a staff member's authenticator app (TOTP) for the admin's second factor."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a TOTP device for a staff user and print the otpauth:// address (and its secret) "
        "to enter in an authenticator app. --replace discards the user's existing devices."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator", help="The device's name.")
        parser.add_argument(
            "--replace", action="store_true", help="Delete the user's existing TOTP devices."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check, write nothing.")

    def handle(self, username, name, replace, dry_run, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_staff:
            raise CommandError(f"{username!r} is not staff: the admin is the only login.")
        with transaction.atomic():
            existing = TOTPDevice.objects.devices_for_user(user, confirmed=None)
            if existing.exists() and not replace:
                raise CommandError(f"{username!r} already has a TOTP device; use --replace.")
            existing.delete()
            device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(f"Would enrol {username!r} (dry run: nothing written).")
                return
        self.stdout.write(self.style.SUCCESS(f"Enrolled {username!r}."))
        if options["verbosity"] >= 1:
            self.stdout.write("Scan or paste into an authenticator app (shown once):")
            self.stdout.write(device.config_url)
        return None
