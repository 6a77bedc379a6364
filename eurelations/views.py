"""Cross-cutting public views: search over every kind of content, the localized 404,
robots.txt and health. (The home page is the partnership's: ``cooperation.views.home``.)"""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from eurelations.i18n import LANGUAGE_CODES
from eurelations.search import MAX_QUERY_LENGTH, clean_query, search_content


@require_safe
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


@requires_csrf_token
def page_not_found(request, exception):
    """The 404 page in the visitor's language. The address exists in no language, so the
    switcher offers each language's home page and no alternates are announced."""
    homes = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            homes.append((code, reverse("home")))
    context = {"alternates": homes, "canonical_url": request.build_absolute_uri(request.path)}
    return render(request, "404.html", context, status=404)


@require_safe
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
