"""Root URLs: public pages under a language prefix; admin, machine files and health outside."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from eurelations import views
from eurelations.sitemaps import sitemaps

# The 404 page in the visitor's language, with a switcher to each language's home page.
handler404 = "eurelations.views.page_not_found"
# 400 and 403 (the admin's PermissionDenied included) in the visitor's language too.
handler400 = "eurelations.views.bad_request"
handler403 = "eurelations.views.permission_denied"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
]

# "/" has no language: LocaleMiddleware redirects it by Accept-Language (or the cookie).
urlpatterns += i18n_patterns(
    # The home page is the partnership's page.
    path("", include("cooperation.home_urls")),
    path(_("search/"), views.search, name="search"),
    path(_("cooperation/"), include("cooperation.urls")),
    path(_("projects/"), include("projects.urls")),
    path("", include("pages.urls")),
    prefix_default_language=True,
)
