"""Cross-cutting views: the home page (the partnership page) and the health check."""

from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render

from cooperation.models import CooperationArea, Objective, Partner, PartnerKind, Partnership
from projects.models import Project


def home(request):
    partnership = Partnership.objects.published().with_translations().first()
    if partnership is None:
        raise Http404("The partnership page is not published yet.")
    partners = list(Partner.objects.published().with_translations())
    context = {
        "partnership": partnership,
        "objectives": Objective.objects.filter(partnership=partnership).with_translations(),
        "areas": CooperationArea.objects.published().with_translations(),
        "projects": Project.objects.published().with_translations(),
        "agencies": [p for p in partners if p.kind == PartnerKind.AGENCY],
        "institutions": [p for p in partners if p.kind == PartnerKind.INSTITUTION],
    }
    return render(request, "home.html", context)


def health(request):
    """For load balancers: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
