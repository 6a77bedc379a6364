"""Production: every value from the environment; refuses to start without the essentials."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, LOGGING, MEDIA_STORAGE, SECRET_KEY, SENTRY_DSN, env_bool

DEBUG = False

# Placeholders seen in examples and tutorials, ours included: a site started with one of them
# has a public secret key (sessions, password reset links and signed values are forgeable).
PLACEHOLDER_SECRET_KEYS = {"change-me", "changeme", "secret", "secret-key", "your-secret-key"}
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.lower() in PLACEHOLDER_SECRET_KEYS
    or SECRET_KEY.startswith(("django-insecure", "dev-only-insecure", "test-only"))
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too short or a known placeholder: use at least 50 random "
        'characters (python3 -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")
if any(host == "*" or host.startswith("*") for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must name the site's hosts; '*' accepts any Host header "
        "(poisoned password-reset links and cache entries)."
    )

STORAGES = {
    "default": MEDIA_STORAGE,
    # Hashed, compressed static files served by WhiteNoise: cacheable forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a promise to browsers that is slow to undo: only when the operator asks.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "preload not set": opt-in by design
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Staff log in with a TOTP code unless the operator opts out (manage.py enrol_totp).
OTP_REQUIRED_FOR_STAFF = env_bool("DJANGO_OTP_REQUIRED", True)

# One line per request on stdout, with its id (gunicorn's own access log stays off).
LOGGING["loggers"]["eurelations.request"]["level"] = (
    "INFO" if env_bool("DJANGO_LOG_REQUESTS", True) else "WARNING"
)

if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        # Errors only; no visitor data (addresses, cookies) leaves the server.
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
