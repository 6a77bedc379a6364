"""Cross-cutting views: the home page (the partnership page), search, robots.txt and health."""

from django.db import connection
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from cooperation.models import CooperationArea, Objective, Partner, PartnerKind, Partnership
from eurelations.search import MAX_QUERY_LENGTH, clean_query, search_content
from projects.models import Project


def split_partners(partners):
    partners = list(partners)
    return (
        [p for p in partners if p.kind == PartnerKind.AGENCY],
        [p for p in partners if p.kind == PartnerKind.INSTITUTION],
    )


@require_GET
def home(request):
    partnership = (
        Partnership.objects.published()
        .with_translations()
        .prefetch_related(Prefetch("objectives", queryset=Objective.objects.with_translations()))
        .first()
    )
    if partnership is None:
        raise Http404("The partnership page is not published yet.")
    agencies, institutions = split_partners(Partner.objects.published().with_translations())
    context = {
        "partnership": partnership,
        "objectives": partnership.objectives.all(),
        "areas": CooperationArea.objects.published().with_translations(),
        "projects": Project.objects.published().with_translations(),
        "agencies": agencies,
        "institutions": institutions,
    }
    return render(request, "home.html", context)


@require_GET
def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    results = search_content(query, translation.get_language()) if query else []
    return render(
        request,
        "search.html",
        {
            "query": query,
            "truncated": len(raw) > MAX_QUERY_LENGTH,
            "results": results,
            "max_length": MAX_QUERY_LENGTH,
        },
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def health(request):
    """For load balancers: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
