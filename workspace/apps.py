import axes.apps
import django_otp.plugins.otp_totp.apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The staff side: the admin site, the admin base of every content model, staff accounts."""

    name = "workspace"
    verbose_name = _("Staff workspace")
    default = True

    def ready(self):
        from django.contrib.admin.widgets import AdminSplitDateTime

        from workspace import panels  # noqa: F401 (registers the dashboard's own panels)
        from workspace.admin_labels import name_admin_labels

        # After every admin is registered (the admin app's autodiscover ran in its ready()).
        name_admin_labels()

        # Every admin's date and time inputs inside their labels ("Date:", "Time:"): Django's
        # own template leaves both without an accessible name (WCAG 1.3.1, 4.1.2). Widgets are
        # drawn by the form renderer, which reads app templates, not templates/.
        AdminSplitDateTime.template_name = "workspace/widgets/split_datetime.html"


class SiteAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our one AdminSite (``workspace.sites.SiteAdmin``) as
    ``admin.site``: every ``@admin.register`` lands on it."""

    default = False
    default_site = "workspace.sites.SiteAdmin"


# Security records, named by our catalogue (their own has none of our languages; the labels of
# their models and fields are in workspace.security_labels). Listed in INSTALLED_APPS in
# place of the libraries' own configurations.


class LoginAttemptsConfig(axes.apps.AppConfig):
    """django-axes: login throttling's records."""

    default = False
    verbose_name = _("Login attempts")


class TOTPDevicesConfig(django_otp.plugins.otp_totp.apps.DefaultConfig):
    """django-otp's TOTP plugin: the staff's second-factor devices."""

    default = False
    verbose_name = _("Second factor devices")
