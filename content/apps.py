from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """The shared content base. Its label stays ``eurelations`` (the package it grew in), so its
    migrations, content types and permissions (``eurelations.publish_content``) are unchanged."""

    name = "content"
    label = "eurelations"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate

        from content.images import listen_for_image_changes_only_on_illustrated_models
        from content.site import keep_the_site_row_on_the_address

        listen_for_image_changes_only_on_illustrated_models()
        post_migrate.connect(keep_the_site_row_on_the_address, sender=self)
