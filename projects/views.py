from django.db.models import Prefetch
from django.shortcuts import render

from cooperation.models import CooperationArea, Partner
from eurelations.translated import get_by_slug

from .models import Project


def project_list(request):
    projects = Project.objects.published().with_translations()
    return render(request, "projects/project_list.html", {"projects": projects})


def project_detail(request, slug):
    project = get_by_slug(
        Project.objects.published().prefetch_related(
            Prefetch(
                "cooperation_areas",
                queryset=CooperationArea.objects.published().with_translations(),
            ),
            Prefetch("partners", queryset=Partner.objects.published().with_translations()),
        ),
        slug,
    )
    return render(request, "projects/project_detail.html", {"project": project})
