from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from django.db.models.signals import post_migrate

        from translations.groups import sync_staff_groups
        from translations.status import connect_status_signals
        from translations.store import connect_store_signals, rebuild_if_never_built

        connect_status_signals()
        connect_store_signals()
        post_migrate.connect(sync_staff_groups, dispatch_uid="translations:staff_groups")
        post_migrate.connect(
            rebuild_if_never_built, sender=self, dispatch_uid="translations:status_store"
        )
