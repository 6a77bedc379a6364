"""Staff sessions in the browser: a user logged in through Django's test client, with the
admin's language, handed to a browser context as cookies."""

from django.contrib.auth import get_user_model
from django.test import Client


def staff_cookies(site, user, language):
    """The cookies of ``user``'s session, with the admin in ``language``."""
    client = Client()
    client.force_login(user)
    return [
        {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site.url},
        {"name": "django_language", "value": language, "url": site.url},
    ]


def log_in_as_superuser(page, site, language, username):
    """A new superuser ``username``, logged in in ``page``'s context; the user."""
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "a-long-test-password"
    )
    page.context.add_cookies(staff_cookies(site, user, language))
    return user
