from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """The shared content base. Its label stays ``eurelations`` (the package it grew in), so its
    migrations, content types and permissions (``eurelations.publish_content``) are unchanged."""

    name = "content"
    label = "eurelations"
    verbose_name = _("Site")

    def ready(self):
        from content.images import listen_for_image_changes_only_on_illustrated_models

        listen_for_image_changes_only_on_illustrated_models()
