from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from content.i18n import object_page_context, redirect_to_canonical
from pagecache.decorators import page_cache_params
from projects.models import Project

from .models import CooperationArea, Objective, Partner, Partnership

# Every public page is bounded in rows and bytes, whatever the amount of content
# (docs/architecture.md, "Budgets"): the home page shows the featured projects, an area's or a partner's page its first projects,
# each with a link to the full, paginated list.
HOME_PROJECTS = 12
RELATED_PROJECTS = 12
RELATED_PARTNERS = 24
# Staff-made categories, a handful in practice: a cap, not a selection.
HOME_AREAS = 24
HOME_PARTNERS = 48
PARTNERS_PER_PAGE = 48


def first_of(queryset, limit):
    """(the first ``limit`` objects, whether there are more): one query, ``limit`` + 1 rows."""
    objects = list(queryset[: limit + 1])
    return objects[:limit], len(objects) > limit


# require_safe, not require_GET: crawlers and monitors send HEAD, which must not be a 405.
@require_safe
def home(request):
    partnership = Partnership.objects.published().first_with_shown_translations()
    if partnership is None:
        raise Http404("The partnership page is not published yet.")
    objectives = Objective.objects.filter(partnership=partnership).with_shown_translations()
    # The home page and the lists show each object in the page's language or its fallback:
    # only those translations are read.
    partners = Partner.objects.published().with_shown_translations()[:HOME_PARTNERS]
    agencies, institutions, bodies = partners.split_by_kind()
    context = {
        "partnership": partnership,
        "objectives": objectives,
        "areas": CooperationArea.objects.published().with_shown_translations()[:HOME_AREAS],
        "projects": (
            Project.objects.published().featured().with_shown_translations()[:HOME_PROJECTS]
        ),
        "agencies": agencies,
        "institutions": institutions,
        "bodies": bodies,
    }
    return render(request, "home.html", context)


@require_safe
def area_detail(request, slug):
    area = CooperationArea.objects.visible_to(request.user).get_by_slug(slug)
    if response := redirect_to_canonical(request, area):
        return response
    in_area = Project.objects.published().filter(cooperation_areas=area)
    projects, more_projects = first_of(in_area.with_shown_translations(), RELATED_PROJECTS)
    # Per partner, its first link to a published project of the area: a LIMIT 1 subquery,
    # which PostgreSQL runs per partner through the indexes (0.4 ms at 10,000 projects), where
    # EXISTS or IN became a hash join over every project of the area (44 ms, growing).
    first_link = Project.partners.through.objects.filter(
        partner=OuterRef("pk"), project__in=in_area
    )
    partners = (
        Partner.objects.published()
        .alias(first_link=Subquery(first_link.values("pk")[:1]))
        .filter(first_link__isnull=False)
        .with_shown_translations()[:RELATED_PARTNERS]
    )
    return render(
        request,
        "cooperation/area_detail.html",
        {
            "area": area,
            "projects": projects,
            "more_projects": more_projects,
            "partners": partners,
            **object_page_context(request, area),
        },
    )


@page_cache_params("page")
@require_safe
def partner_list(request):
    # get_page() answers ?page=0, ?page=abc or ?page=999999 with the nearest real page.
    page = Paginator(
        Partner.objects.published().with_shown_translations(), PARTNERS_PER_PAGE
    ).get_page(request.GET.get("page"))
    agencies, institutions, bodies = page.object_list.split_by_kind()
    return render(
        request,
        "cooperation/partner_list.html",
        {"agencies": agencies, "institutions": institutions, "bodies": bodies, "page": page},
    )


@require_safe
def partner_detail(request, slug):
    partner = Partner.objects.visible_to(request.user).get_by_slug(slug)
    if response := redirect_to_canonical(request, partner):
        return response
    projects, more_projects = first_of(
        Project.objects.published().filter(partners=partner).with_shown_translations(),
        RELATED_PROJECTS,
    )
    return render(
        request,
        "cooperation/partner_detail.html",
        {
            "partner": partner,
            "projects": projects,
            "more_projects": more_projects,
            **object_page_context(request, partner),
        },
    )
