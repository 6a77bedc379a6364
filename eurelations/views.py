"""Cross-cutting views: the home page (the partnership page), search, static pages, the
localized 404 and robots.txt (health: eurelations.health)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from cooperation.models import CooperationArea, Objective, Partner, PartnerKind, Partnership
from eurelations.cache import page_cache_params
from eurelations.i18n import LANGUAGE_CODES, available_languages, object_page_context
from eurelations.search import MAX_QUERY_LENGTH, clean_query, search_content
from projects.models import Project


def split_partners(partners):
    partners = list(partners)
    return (
        [p for p in partners if p.kind == PartnerKind.AGENCY],
        [p for p in partners if p.kind == PartnerKind.INSTITUTION],
    )


# require_safe, not require_GET: crawlers and monitors send HEAD, which must not be a 405.
@require_safe
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


@require_safe
def flatpage(request, url):
    """A static page under the language prefixes (/fr/pages/mentions/). Django's own flatpage
    view knows neither our prefixes nor which languages a page is really translated into."""
    page = get_object_or_404(FlatPage, url=f"/{url}", sites=settings.SITE_ID)
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    if not available_languages(page):
        raise Http404("This page has no text in any language.")
    context = {"flatpage": page, **object_page_context(request, page)}
    return render(request, page.template_name or "flatpages/default.html", context)


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
