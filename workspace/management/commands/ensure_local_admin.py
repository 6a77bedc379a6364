"""Create (or reset) the local administrator account and print its login (the README's
one-command run says where the admin is served). The username and password come from
DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD, or a password is generated."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or reset the local admin account and print its username and password."

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User = get_user_model()
        with transaction.atomic():
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@localhost"}
            )
            user.is_staff = True
            user.is_superuser = True
            user.set_password(password)
            user.save()
        action = "Created" if created else "Reset"
        self.stdout.write(self.style.SUCCESS(f"{action} the local admin account."))
        self.stdout.write(f"  Username: {username}")
        self.stdout.write(f"  Password: {password}")
