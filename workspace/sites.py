"""The one admin site: Django's, asking staff for a TOTP code when ``OTP_REQUIRED_FOR_STAFF`` is
on, with the site's own titles; installed as ``admin.site`` by ``workspace.apps.SiteAdminConfig``."""

from functools import wraps

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from workspace.dashboard import panels_for
from workspace.login import SecondFactorLoginForm


class SiteAdmin(OTPAdminSite):
    """The admin, asking staff for a TOTP code when ``OTP_REQUIRED_FOR_STAFF`` is on (the
    production default): staff without a verified device are then treated as non-staff, and
    the login form is ours (``workspace.login``: one answer whatever was wrong). Off, it is
    Django's own admin site (the local one-command run)."""

    site_header = _("eurelations administration")
    site_title = _("eurelations")
    index_title = _("Content")

    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return (
            SecondFactorLoginForm if settings.OTP_REQUIRED_FOR_STAFF else AdminAuthenticationForm
        )

    @property
    def login_template(self):
        return "workspace/login.html" if settings.OTP_REQUIRED_FOR_STAFF else None

    def has_permission(self, request):
        if settings.OTP_REQUIRED_FOR_STAFF:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)

    def admin_view(self, view, cacheable=False):
        """Every admin view, ours or a third party's (django-otp's device pages look a device up
        with ``.get()``): an address naming an object that does not exist is a 404, never a
        500."""

        @wraps(view)
        def missing_is_404(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except ObjectDoesNotExist as error:
                raise Http404(str(error)) from error

        return super().admin_view(missing_is_404, cacheable)

    def index(self, request, extra_context=None):
        """The home page: the person's dashboard panels (``workspace.dashboard``), then the
        apps."""
        return super().index(
            request, {"dashboard_panels": panels_for(request), **(extra_context or {})}
        )

    def get_urls(self):
        urls = super().get_urls()
        return [
            path(str(url.pattern), self.admin_view(view_on_site), name=url.name)
            if isinstance(url, URLPattern) and url.name == "view_on_site"
            else url
            for url in urls
        ]


def view_on_site(request, content_type_id, object_id):
    """Django's "view on site" redirect, and a 404 for a model with no table (the permission
    holders), which Django would query anyway."""
    try:
        model = ContentType.objects.get(pk=content_type_id).model_class()
    except (ObjectDoesNotExist, ValueError) as error:
        raise Http404("No such content type.") from error
    if model is None or not model._meta.managed:
        raise Http404("No such object.")
    return shortcut(request, content_type_id, object_id)
