from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        # Installed after the content apps: every model of the registry (pages declares
        # flatpages in its own ready()) is known by now.
        from pagecache.invalidation import connect_invalidation_signals

        connect_invalidation_signals()
