"""Login throttling's answer (django-axes) and the optional second factor for staff
(django-otp)."""

from functools import wraps

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import render
from django.urls import URLPattern, path
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


def client_ip(request):
    """The visitor's address: the one the load balancer names in ``CLIENT_IP_HEADER`` (it must
    set that header itself, overwriting the client's) or the connection's."""
    if settings.CLIENT_IP_HEADER:
        forwarded = request.headers.get(settings.CLIENT_IP_HEADER, "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response, credentials):
    """axes' answer once a username has failed too often from one address: a translated page
    saying for how long, with 429 (Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "admin/locked_out.html", {"minutes": minutes}, status=429)


class OptionalOTPAdminSite(OTPAdminSite):
    """The admin, asking staff for a TOTP code when ``OTP_REQUIRED_FOR_STAFF`` is on (the
    production default): staff without a verified device are then treated as non-staff.
    Off, it is Django's own admin site (the local one-command run)."""

    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return (
            OTPAdminAuthenticationForm
            if settings.OTP_REQUIRED_FOR_STAFF
            else AdminAuthenticationForm
        )

    @property
    def login_template(self):
        return super().login_template if settings.OTP_REQUIRED_FOR_STAFF else None

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
