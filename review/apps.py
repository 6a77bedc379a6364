from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The review step: Editors submit, Publishers publish or send back, with e-mails and the
    dashboard's panels."""

    name = "review"
    verbose_name = _("Review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib import admin

        from review import panels  # noqa: F401 - registers the dashboard's panels
        from review.admin import add_review_to_publishable_admins
        from review.signals import connect

        # The admins were registered by the admin's autodiscovery, before this ready().
        add_review_to_publishable_admins(admin.site)
        connect()
