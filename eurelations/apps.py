from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EurelationsConfig(AppConfig):
    name = "eurelations"
    verbose_name = _("Site")

    def ready(self):
        from eurelations.cache import connect_invalidation_signals

        connect_invalidation_signals()
