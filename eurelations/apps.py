from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EurelationsConfig(AppConfig):
    name = "eurelations"
    verbose_name = _("Site")

    def ready(self):
        from django.contrib.admin.widgets import AdminSplitDateTime

        from eurelations.cache import connect_invalidation_signals
        from eurelations.images import listen_for_image_changes_only_on_illustrated_models

        connect_invalidation_signals()
        listen_for_image_changes_only_on_illustrated_models()
        # Every admin's date and time inputs inside their labels ("Date:", "Time:"): Django's
        # own template leaves both without an accessible name (WCAG 1.3.1, 4.1.2). Widgets are
        # drawn by the form renderer, which reads app templates, not templates/.
        AdminSplitDateTime.template_name = "eurelations/widgets/split_datetime.html"
