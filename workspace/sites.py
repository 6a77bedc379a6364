"""The one admin site: Django's, asking staff for a TOTP code when ``OTP_REQUIRED_FOR_STAFF`` is
on, with the titles the site's settings give (``sitesettings``); installed as ``admin.site`` by
``workspace.apps.SiteAdminConfig``."""

from functools import wraps

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import URLPattern, path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog
from django_otp.admin import OTPAdminSite

from sitesettings.identity import site_identity
from workspace.login import SecondFactorLoginForm


class SiteAdmin(OTPAdminSite):
    """The admin, asking staff for a TOTP code when ``OTP_REQUIRED_FOR_STAFF`` is on (the
    production default): staff without a verified device are then treated as non-staff, and
    the login form is ours (``workspace.login``: one answer whatever was wrong). Off, it is
    Django's own admin site (the local one-command run)."""

    # The titles, in the page's language, from the site's settings (read once per page-cache
    # generation: no query per page). Read by each_context and the index.
    @property
    def site_header(self):
        return _("%(site)s administration") % {"site": site_identity().short_name}

    @property
    def site_title(self):
        return site_identity().short_name

    @property
    def index_title(self):
        return site_identity().name

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

    def i18n_javascript(self, request, extra_context=None):
        """The admin scripts' strings from our ``djangojs`` catalogues (``locale/``), which hold
        every msgid of Django's admin scripts in our plural forms: Django's own Arabic catalogue
        lacks a dozen (the two-box selector's buttons), and merged with ours, its plural rules
        (three forms in French and Spanish) would mix with ours."""
        return AdminJavaScriptCatalog.as_view()(request)

    def get_urls(self):
        urls = super().get_urls()
        return [
            path(str(url.pattern), self.admin_view(view_on_site), name=url.name)
            if isinstance(url, URLPattern) and url.name == "view_on_site"
            else url
            for url in urls
        ]


class AdminJavaScriptCatalog(JavaScriptCatalog):
    """Django's JavaScript catalogue view, read from ``LOCALE_PATHS`` only (English, ours too,
    for what a language lacks)."""

    def get(self, request, *args, **kwargs):
        self.translation = DjangoTranslation(
            get_language(), domain=self.domain, localedirs=[str(p) for p in settings.LOCALE_PATHS]
        )
        return self.render_to_response(self.get_context_data(**kwargs))


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
