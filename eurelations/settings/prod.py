"""Production: every value from the environment; refuses to start without the essentials."""

import math
import os
import re
from collections import Counter

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, LOGGING, MEDIA_STORAGE, SECRET_KEY, SENTRY_DSN, env_bool

DEBUG = False

# A key that is public or guessable makes sessions, password-reset links and signed values
# forgeable. Before a key is measured, what adds length but no secret is left out: whitespace,
# the placeholder words of examples and tutorials (ours included), and anything repeated three
# times or more in a row ("change-me" and 56 spaces, "x" * 60, "a1b2c3" * 10).
_KEY_PLACEHOLDERS = re.compile(
    r"django-insecure|insecure|change[-_.]?me|secret|placeholder|example|your[-_]"
    r"|(?:dev|test|bench|drill)-only",
    re.IGNORECASE,
)
_KEY_REPEATS = re.compile(r"(.+?)\1{2,}", re.DOTALL)


def secret_key_weakness(key):
    """Why ``key`` is unfit for production, or None. Django's checks ask for 50 characters and 5
    different ones; here what is left once padding, placeholders and repetitions are out must be
    40 characters long (slack for Django's own 50-character keys, whose random characters may
    repeat), with 10 different ones and 3 bits of Shannon entropy per character. Fit: Django's
    get_random_secret_key() (about 4.9 bits), secrets.token_urlsafe(50) (67 characters, 5.3),
    a hex key of 64 characters (3.8)."""
    if key.startswith("django-insecure"):
        return "is one that startproject wrote into a settings file"
    compact = re.sub(r"\s+", "", key)
    if len(compact) < 50:
        return f"has {len(compact)} characters besides whitespace, not 50"
    rest = _KEY_REPEATS.sub(r"\1", _KEY_PLACEHOLDERS.sub("", compact))
    if len(rest) < 40:
        return f"is mostly placeholder words or repetitions: {len(rest)} characters left, not 40"
    if len(set(rest)) < 10:
        return f"uses {len(set(rest))} different characters, not 10"
    bits = -sum(n / len(rest) * math.log2(n / len(rest)) for n in Counter(rest).values())
    if bits < 3:
        return f"is predictable: {bits:.1f} bits of entropy per character, not 3"
    return None


if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if weakness := secret_key_weakness(SECRET_KEY):
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY {weakness}: use at least 50 random characters "
        '(python3 -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")
if any(host == "*" or host.startswith("*") for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must name the site's hosts; '*' accepts any Host header "
        "(poisoned password-reset links and cache entries)."
    )
# Without DJANGO_SITE_URL, the site's address is its first host name, over https.
if not os.environ.get("DJANGO_SITE_URL"):
    SITE_URL = f"https://{ALLOWED_HOSTS[0].lstrip('.')}"

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
