"""The one admin site: Django's, asking staff for a TOTP code when ``OTP_REQUIRED_FOR_STAFF`` is
on, with the titles the site's settings give (``sitesettings``); installed as ``admin.site`` by
``workspace.apps.SiteAdminConfig``."""

from functools import wraps

from django.conf import settings
from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models.base import ModelBase
from django.http import Http404
from django.urls import URLPattern, path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog
from django_otp.admin import OTPAdminSite

from sitesettings.identity import site_identity
from workspace.dashboard import panels_for
from workspace.login import SecondFactorLoginForm

#: The apps of the index and the sidebar in the order of the work: the content, its translation,
#: the people; any other app after them (by name); the security records last.
APP_ORDER = (
    "cooperation",
    "projects",
    "flatpages",
    "translations",
    "glossary",
    "translationmemory",
    "auth",
)
#: Within an app: the content as the site shows it, accounts before the groups they join.
MODEL_ORDER = ("partnership", "cooperationarea", "partner", "project", "user", "group")
#: Login throttling's records and the second-factor devices: superusers' business only, in the
#: app list and at their addresses alike.
SECURITY_APPS = ("axes", "otp_totp")


def _rank(order, name):
    return order.index(name) if name in order else len(order)


class SuperusersOnlyMixin:
    """A model admin that is no one's but the superusers', whatever rights a group gives:
    left out of the app list, and a 403 at each of its addresses."""

    def has_module_permission(self, request):
        return request.user.is_superuser and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args, **kwargs):
        return request.user.is_superuser and super().has_add_permission(request, *args, **kwargs)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def get_urls(self):
        # Before any view runs: some answer a missing object with a redirect, which would
        # tell a non-superuser which records exist.
        return [
            URLPattern(url.pattern, _superusers_only(url.callback), url.default_args, url.name)
            if isinstance(url, URLPattern)
            else url
            for url in super().get_urls()
        ]


def _superusers_only(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


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

    def register(self, model_or_iterable, admin_class=None, **options):
        """As Django's, the security apps' admins made superusers-only (``SECURITY_APPS``)."""
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            chosen = admin_class or ModelAdmin
            if model._meta.app_label in SECURITY_APPS:
                chosen = type(chosen.__name__, (SuperusersOnlyMixin, chosen), {})
            super().register(model, chosen, **options)

    def get_app_list(self, request, app_label=None):
        """The apps in the order of the work (``APP_ORDER``, ``MODEL_ORDER``), not by name."""
        apps = self._build_app_dict(request, app_label).values()
        ranked = sorted(
            apps,
            key=lambda app: (
                app["app_label"] in SECURITY_APPS,
                _rank(APP_ORDER, app["app_label"]),
                app["name"].lower(),
            ),
        )
        for app in ranked:
            app["models"].sort(
                key=lambda model: (_rank(MODEL_ORDER, model["object_name"].lower()), model["name"])
            )
        return ranked

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
