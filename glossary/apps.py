from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = _("Glossary")

    def ready(self):
        from django.db.models.signals import post_migrate

        from glossary.groups import give_glossary_rights

        post_migrate.connect(give_glossary_rights, dispatch_uid="glossary:staff_groups")
