"""Root URLs: public pages under a language prefix; admin, machine files and health outside."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from content import media
from eurelations import health, views
from eurelations.sitemaps import index, section, sitemaps
from pagecache.decorators import exempt_from_page_cache, page_cache_params

# The 404 page in the visitor's language, with a switcher to each language's home page.
handler404 = "eurelations.views.page_not_found"
# The 500 page names the request's id, which is also in the log line with the traceback.
handler500 = "eurelations.views.server_error"
# 400 and 403 (the admin's PermissionDenied included) in the visitor's language too.
handler400 = "eurelations.views.bad_request"
handler403 = "eurelations.views.permission_denied"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", health.health, name="health"),
    path("livez", health.liveness, name="liveness"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # An index of paged sections: one page of a section is bounded in objects and time.
    path(
        "sitemap.xml",
        index,
        {"sitemaps": sitemaps(), "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        # The page number: the only parameter in a section's cache key.
        page_cache_params("p")(section),
        {"sitemaps": sitemaps()},
        name="sitemap_section",
    ),
]

# "/" has no language: LocaleMiddleware redirects it by Accept-Language (or the cookie).
urlpatterns += i18n_patterns(
    # The home page is the partnership's page.
    path("", include("cooperation.home_urls")),
    path(_("search/"), include("search.urls")),
    path(_("cooperation/"), include("cooperation.urls")),
    path(_("projects/"), include("projects.urls")),
    path("", include("pages.urls")),
    prefix_default_language=True,
)

# Uploaded images on local disk, under every setting (content.media); a bucket's addresses are
# its own, and an absolute MEDIA_URL (a CDN) names another server.
if not urlsplit(settings.MEDIA_URL).netloc:
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<name>.+)$",
            exempt_from_page_cache(media.serve),  # a file, not a page: no cache read for it
            name="media",
        )
    )
