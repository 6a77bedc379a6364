"""Login throttling's answer (django-axes) and the optional second factor for staff
(django-otp)."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.shortcuts import render
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
