from django.apps import AppConfig
from django.contrib.flatpages import apps as flatpages_apps
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Static pages")

    def ready(self):
        from pages.content import connect

        connect()


class StaticPagesConfig(flatpages_apps.FlatPagesConfig):
    """django.contrib.flatpages, called what the site calls them (listed in INSTALLED_APPS in
    place of Django's configuration)."""

    default = False
    verbose_name = _("Static pages")

    def ready(self):
        from django.contrib.flatpages.models import FlatPage

        # The model's own names too (the app list, breadcrumbs, messages, the history).
        FlatPage._meta.verbose_name = _("static page")
        FlatPage._meta.verbose_name_plural = _("static pages")
