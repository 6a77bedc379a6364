from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

from eurelations.cache import page_cache_params
from eurelations.i18n import object_page_context, redirect_to_canonical

from .forms import CooperationArea, Partner, ProjectFilterForm
from .models import Project

PROJECTS_PER_PAGE = 12
# A project page shows at most this many others from its areas: the page stays bounded.
RELATED_PROJECTS = 6


@page_cache_params("page", *ProjectFilterForm.base_fields)
@require_safe
def project_list(request):
    form = ProjectFilterForm(request.GET or None)
    projects = form.filter(Project.objects.published()).distinct().with_translations()
    # get_page() answers ?page=0, ?page=abc or ?page=999999 with the nearest real page.
    page = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    # Each page of the list is its own canonical page; filtered views are not (they would be
    # countless), so they point to the unfiltered page.
    canonical = request.path
    if page.number > 1 and not any(query.values()):
        canonical = f"{request.path}?page={page.number}"
    return render(
        request,
        "projects/project_list.html",
        {
            "form": form,
            "page": page,
            "projects": page.object_list,
            "query": query.urlencode(),
            "canonical_url": request.build_absolute_uri(canonical),
        },
    )


@require_safe
def project_detail(request, slug):
    project = (
        Project.objects.visible_to(request.user)
        .prefetch_related(
            Prefetch(
                "cooperation_areas",
                queryset=CooperationArea.objects.published().with_translations(),
            ),
            Prefetch("partners", queryset=Partner.objects.published().with_translations()),
        )
        .get_by_slug(slug)
    )
    if response := redirect_to_canonical(request, project):
        return response
    related = (
        Project.objects.published()
        .filter(cooperation_areas__in=[area.pk for area in project.cooperation_areas.all()])
        .exclude(pk=project.pk)
        .distinct()
        .with_translations()[:RELATED_PROJECTS]
    )
    facts = (project.code, project.region, project.countries, project.start_date)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "related": related,
            "has_facts": any(facts) or project.end_date or project.eu_contribution is not None,
            **object_page_context(request, project),
        },
    )
