"""Login throttling's answer (django-axes) and the client address it counts by (the admin
site, with its optional second factor, is ``workspace.sites``)."""

from django.conf import settings
from django.shortcuts import render


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
