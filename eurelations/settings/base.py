"""Settings shared by every environment.

Every deployment value comes from the environment (see ``.env.example``); the defaults give the
one-command local run: a SQLite file and the local-memory cache.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from eurelations.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The site's one address (content.site): canonical links, alternates, JSON-LD, Open Graph, feeds,
# the sitemap and robots.txt name it whatever Host a request came in with.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
_site = urlsplit(SITE_URL)
if _site.scheme not in ("http", "https") or not _site.netloc or _site.path or _site.query:
    raise ImproperlyConfigured(
        f"DJANGO_SITE_URL is {SITE_URL!r}: give the site's address, as https://example.org"
    )
# An expired form gets our page, in the visitor's language, not Django's English one.
CSRF_FAILURE_VIEW = "eurelations.views.csrf_failure"

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin integration and field patching
    # are in place when the admin autodiscovers.
    "modeltranslation",
    # Django's admin with our one AdminSite (workspace.sites) as admin.site.
    "workspace.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    # Flatpages, named "static pages" (pages.apps).
    "pages.apps.StaticPagesConfig",
    "django.contrib.sitemaps",
    "parler",
    "django_countries",
    # The admin's rich-text editor; its ProseMirror build is served from its static files.
    "django_prose_editor",
    # The admin's history with revert: stored versions of the content, every language.
    "reversion",
    # Responsive renditions of the content's images (content.images says why this one).
    "imagekit",
    # Login throttling, and the second factor for staff (TOTP).
    # Named by our catalogue (workspace.apps).
    "workspace.apps.LoginAttemptsConfig",
    "django_otp",
    "workspace.apps.TOTPDevicesConfig",
    # The shared content base (label "eurelations": its migrations and permissions kept).
    "content",
    "cooperation",
    "projects",
    # The site's settings (names, emblem, the Office's facts); before translations, which
    # connects the status signals of every registered entry, and pagecache, which watches them
    # through the registry.
    "sitesettings",
    "translationmemory",
    "translations",
    "pages",
    "search",
    "workspace",
    # The review step (submit, publish or send back); after workspace, whose dashboard it fills.
    "review",
    # Terminology: approved terms per language, their exchange (TBX, CSV) and the check.
    "glossary",
    "seed",
    # Last: its ready() wires the page cache to every registered content model, which the
    # apps above declare in theirs (pages declares flatpages).
    "pagecache",
]

MIDDLEWARE = [
    # Outermost: every response (a cached page, an error page) carries the request id, and
    # every log record written during the request names it.
    "eurelations.middleware.RequestIdMiddleware",
    # Then the page cache: it stores the finished response (after the others have run), and a
    # hit (an anonymous visitor: no session cookie) skips every other middleware.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Its header is stored with a cached page: public pages carry no nonce, so it stays valid.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the language from them), before CommonMiddleware (so the
    # language-prefixed URL is resolved before APPEND_SLASH redirects).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: marks the user verified by a second factor (or not).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ETag / Last-Modified, so a revisit gets a 304 (the page cache answers for cached pages).
    "django.middleware.http.ConditionalGetMiddleware",
    # Turns axes' refusal of a throttled login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eurelations.urls"
WSGI_APPLICATION = "eurelations.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "content.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A persistent connection that died with a database restart is replaced before use,
        # instead of failing the first request of every worker.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A slow query is cancelled instead of holding its thread. A query that waits for a table
    # someone holds locked (a migration, VACUUM FULL) gives up sooner: the visitor gets the
    # stored page or a 503, and a migration that cannot take its lock fails instead of making
    # every reader of the table queue behind it. A server that does not answer is given up on
    # after connect_timeout (seconds), not the kernel's two minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        options=(
            f"-c statement_timeout={int(os.environ.get('DATABASE_STATEMENT_TIMEOUT_MS', '10000'))}"
            f" -c lock_timeout={int(os.environ.get('DATABASE_LOCK_TIMEOUT_MS', '2000'))}"
        ),
        connect_timeout=5,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis (keeps its client; fails open), logging an outage once and
            # invalidating the page cache when Redis is back: pagecache.backends.
            "BACKEND": "pagecache.backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "eurelations",
            "OPTIONS": {
                # Short: a cache that does not answer at once is treated as down.
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.5")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages are cached per URL (and so per language) and invalidated by cache tag on
# commit of a change to what they show, and at every scheduled publication
# (pagecache.invalidation): exact, so kept for hours; 0 turns the page cache off.
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "21600"))
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"
# Browsers cannot be purged: they keep a page at most this long (an edge, s-maxage, longer).
PAGE_BROWSER_SECONDS = int(os.environ.get("PAGE_BROWSER_SECONDS", "300"))
# Every change invalidates every page, as the one generation did before cache tags (the bench
# compares both).
PAGE_CACHE_INVALIDATE_EVERYTHING = env_bool("PAGE_CACHE_INVALIDATE_EVERYTHING", False)
# The edge caches purged by tag on commit (pagecache.edge): Varnish at each of these addresses.
PAGE_CACHE_EDGES = [
    {"BACKEND": "pagecache.edge.Varnish", "LOCATION": location}
    for location in env_list("EDGE_VARNISH_URLS")
]

# --- Security --------------------------------------------------------------------------------
# axes first: it refuses a throttled login before a password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Throttled per username *and* address: a guesser is stopped without letting anyone lock a
# colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "eurelations.security.lockout_response"
# Behind a load balancer REMOTE_ADDR is the balancer: name the header it sets (X-Real-IP...).
AXES_CLIENT_IP_CALLABLE = "eurelations.security.client_ip"
# A failed login's form is stored with the attempt: not the code typed (it may be the right one).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "")

# A TOTP code for staff in the admin (workspace.sites.SiteAdmin); production
# turns it on by default, the local one-command run leaves it off.
OTP_REQUIRED_FOR_STAFF = env_bool("DJANGO_OTP_REQUIRED", False)
OTP_TOTP_ISSUER = "eurelations"
# django-otp's own throttle counts wrong codes per device, i.e. per account and from any
# address: whoever had the password could keep its owner out. Off; a wrong code is a failed
# login for axes instead, per username and address (workspace.login).
OTP_TOTP_THROTTLE_FACTOR = 0

# No inline script or style anywhere: scripts and styles come from files. The exceptions carry
# the request's nonce: the admin's inline import map (the rich-text editor) and the error
# pages' own <style> (they stand without static files). A nonce covers no style="" attribute:
# none is written, by our templates or the admin's (tests/e2e fail on any violation).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Everything to stdout with the request id (eurelations.logging); one line per request where
# the settings ask for it (production).
LOGGING = logging_config(request_lines=env_bool("DJANGO_LOG_REQUESTS", False))
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------------------
# The organisation's four official languages. Arabic is the source language of the content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

# The language the content is written in first; translations are made from it.
CONTENT_SOURCE_LANGUAGE = os.environ.get("CONTENT_SOURCE_LANGUAGE", "ar")

# The translation memory (translationmemory): a match scoring below this (0-100) is not offered,
# in the content's PO exports, the admin's language tabs or the catalogues' pre-translation.
TRANSLATION_MEMORY_MIN_SCORE = int(os.environ.get("TRANSLATION_MEMORY_MIN_SCORE", "75"))

# Fallback chains for content that is not translated yet: French and Spanish readers are more
# likely to read English than Arabic, and the Arabic source always exists.
PARLER_DEFAULT_LANGUAGE_CODE = CONTENT_SOURCE_LANGUAGE
SITE_ID = 1
PARLER_LANGUAGES = {
    SITE_ID: (
        {"code": "ar", "fallbacks": ["en"]},
        {"code": "en", "fallbacks": ["ar"]},
        {"code": "fr", "fallbacks": ["en", "ar"]},
        {"code": "es", "fallbacks": ["en", "ar"]},
    ),
    "default": {
        "fallbacks": [CONTENT_SOURCE_LANGUAGE],
        "hide_untranslated": False,
    },
}
# Off: every page reads translations prefetched with their objects, and parler would still
# write each one it hands out to the shared cache — one Redis round trip per object and
# language (2,000 on a sitemap page, 3 s of its 4; a dozen on each list). The page cache is
# what spares the database.
PARLER_ENABLE_CACHING = False

# modeltranslation translates the models we do not own (flatpages) into the same languages.
MODELTRANSLATION_DEFAULT_LANGUAGE = CONTENT_SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "ar"),
    "ar": ("en",),
    "en": ("ar",),
}
# modeltranslation's tabbed admin needs jQuery UI (its setting is JQUERY_UI_URL, unprefixed),
# by default from ajax.googleapis.com: served from our static files instead (the XStatic
# package), so the admin works without a CDN or internet.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# The flatpages app gets translated columns from modeltranslation; those migrations are ours,
# so they live in this repository rather than in site-packages.
MIGRATION_MODULES = {"flatpages": "pages.flatpages_migrations"}

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "eurelations.staticfinders.PackageFileFinder",  # jQuery UI for modeltranslation's tabs
]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Uploaded images go to local disk unless an S3-compatible bucket is configured; then to it,
# through django-storages (credentials: boto3 reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
if os.environ.get("MEDIA_S3_BUCKET"):
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("MEDIA_S3_PREFIX", "media"),
            # Public images: plain URLs that the page cache can keep, not expiring signed ones.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # The pages' <img> point there: the Content-Security-Policy must allow that origin.
    _media = MEDIA_STORAGE["OPTIONS"]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"https://{_media['custom_domain']}"
        if _media["custom_domain"]
        else (_media["endpoint_url"] or f"https://{_media['bucket_name']}.s3.amazonaws.com")
    )
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Renditions are made when an image is saved, so a page never asks the storage (one request
# per rendition on S3) whether they exist.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHEFILE_DIR = "renditions"

LOGIN_URL = "admin:login"

# E-mail (the review step's notifications): printed on the console unless an SMTP server is named.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A mail server that does not answer is given up on, instead of holding the request's thread.
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "eurelations <noreply@localhost>")

# Django 6 makes https the default scheme of URL form fields; opt in now.
FORMS_URLFIELD_ASSUME_HTTPS = True
