from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from django.db.models.signals import post_migrate

        from translations.groups import sync_staff_groups
        from translations.status import connect_status_signals

        connect_status_signals()
        post_migrate.connect(sync_staff_groups, dispatch_uid="translations:staff_groups")
