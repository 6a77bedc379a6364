from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from content.i18n import object_page_context, redirect_to_canonical
from content.site import absolute
from pagecache.decorators import page_cache_params
from pagecache.pagination import BoundedPaginator

from .forms import CooperationArea, Partner, ProjectFilterForm
from .models import Project

PROJECTS_PER_PAGE = 12
# 1,200 projects deep: past that, the filters narrow the list (an OFFSET of 100,000 rows took
# 180 ms).
MAX_LIST_PAGES = 100
MAX_RELATED = 24
# A project page shows at most this many others from its areas: the page stays bounded.
RELATED_PROJECTS = 6


@page_cache_params("page", *ProjectFilterForm.base_fields)
@require_safe
def project_list(request):
    form = ProjectFilterForm(request.GET or None)
    # No DISTINCT: each filter matches at most one row per project (an area's or a partner's
    # unique key, one translation per language), and DISTINCT would sort every project.
    projects = form.filter(Project.objects.published()).with_shown_translations()
    # get_page() answers ?page=0, ?page=abc or ?page=999999 with the nearest real page.
    language = translation.get_language()
    count_key = f"projects:{language}:{form.applied()}"
    paginator = BoundedPaginator(
        projects,
        PROJECTS_PER_PAGE,
        count_key=count_key,
        max_pages=MAX_LIST_PAGES,
        version=form.version,
    )
    page = paginator.get_page(request.GET.get("page"))
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
            "canonical_url": absolute(canonical),
        },
    )


@require_safe
def project_detail(request, slug):
    project = Project.objects.visible_to(request.user).get_by_slug(slug)
    if response := redirect_to_canonical(request, project):
        return response
    # Its areas and partners, at most MAX_RELATED of each however many staff link it to: a
    # query each with a LIMIT (a sliced prefetch, a window function per relation, cost the
    # page a quarter of its time to build).
    project.shown_areas = list(
        CooperationArea.objects.published()
        .filter(projects=project)
        .with_shown_translations()[:MAX_RELATED]
    )
    project.shown_partners = list(
        Partner.objects.published()
        .filter(projects=project)
        .with_shown_translations()[:MAX_RELATED]
    )
    # EXISTS, not a join and DISTINCT: the first few in the list's order, without sorting
    # every project of a large area.
    links = Project.cooperation_areas.through.objects.filter(
        project_id=OuterRef("pk"), cooperationarea_id__in=[area.pk for area in project.shown_areas]
    )
    related = (
        Project.objects.published()
        .filter(Exists(links))
        .exclude(pk=project.pk)
        .with_shown_translations()[:RELATED_PROJECTS]
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
