from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationMemoryConfig(AppConfig):
    name = "translationmemory"
    verbose_name = _("Translation memory")

    def ready(self):
        from django.db.models.signals import post_save

        from translationmemory.store import confirmation_saved

        # Named, not imported: the translations app reads the memory, not the other way.
        post_save.connect(
            confirmation_saved,
            sender="translations.FieldConfirmation",
            dispatch_uid="translationmemory:confirmation_saved",
        )
