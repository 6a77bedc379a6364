from django.shortcuts import render

from eurelations.translated import get_by_slug
from projects.models import Project

from .models import CooperationArea, Partner, PartnerKind


def area_detail(request, slug):
    area = get_by_slug(CooperationArea.objects.published(), slug)
    projects = Project.objects.published().filter(cooperation_areas=area).with_translations()
    return render(request, "cooperation/area_detail.html", {"area": area, "projects": projects})


def partner_list(request):
    partners = list(Partner.objects.published().with_translations())
    return render(
        request,
        "cooperation/partner_list.html",
        {
            "agencies": [p for p in partners if p.kind == PartnerKind.AGENCY],
            "institutions": [p for p in partners if p.kind == PartnerKind.INSTITUTION],
        },
    )


def partner_detail(request, slug):
    partner = get_by_slug(Partner.objects.published(), slug)
    projects = Project.objects.published().filter(partners=partner).with_translations()
    return render(
        request, "cooperation/partner_detail.html", {"partner": partner, "projects": projects}
    )
