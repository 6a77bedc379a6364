from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    name = "sitesettings"
    verbose_name = _("Site settings")

    def ready(self):
        from content import registry
        from sitesettings import content
        from sitesettings.models import SiteSettings

        # Their texts are translated content (status, PO exchange, history): registered before
        # translations' ready() connects the status signals of every entry (INSTALLED_APPS).
        content.connect()

        # Every page shows the settings: the page cache watches their rows through the
        # registry (read by pagecache, installed after this app), without naming the model.
        registry.watch(SiteSettings, *(meta.model for meta in SiteSettings._parler_meta))
