"""Test settings: fast hashing, isolated cache, same apps and middleware as production."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SITE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come from the apps' directories (as under runserver), not from a collected
# STATIC_ROOT that a test run has no reason to build.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # Creating and dropping the test database on a busy machine can outlast the 10 s a page
    # may take: keep a timeout (a hung test still ends) but not the one sized for requests.
    DATABASES["default"]["OPTIONS"]["options"] = "-c statement_timeout=120000"  # noqa: F405
