"""Cross-cutting public views: search over every kind of content, the localized 404,
robots.txt and the 500 page (health: ``eurelations.health``; the home page is the partnership's:
``cooperation.views.home``)."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from eurelations.cache import page_cache_params
from eurelations.i18n import LANGUAGE_CODES
from eurelations.search import MAX_QUERY_LENGTH, clean_query, search_content


@page_cache_params("q")
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
def server_error(request):
    """Django's 500 page plus the request's id, so a visitor can quote it. Rendered without a
    request context: the database or the cache may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_id": getattr(request, "id", "")}))


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
