"""Root URLs: public pages under a language prefix; admin, machine files and health outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from eurelations import health, views
from eurelations.sitemaps import section, sitemaps
from pagecache.decorators import page_cache_params

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
        sitemap_views.index,
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

# Uploaded images under runserver (production serves them from its storage or web server).
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
