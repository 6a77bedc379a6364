from django.shortcuts import render
from django.views.decorators.http import require_safe

from eurelations.i18n import object_page_context
from eurelations.translated import get_by_slug, redirect_to_canonical
from eurelations.views import split_partners
from projects.models import Project

from .models import CooperationArea, Partner


@require_safe
def area_detail(request, slug):
    area = get_by_slug(CooperationArea.objects.visible_to(request.user), slug)
    if response := redirect_to_canonical(request, area):
        return response
    projects = Project.objects.published().filter(cooperation_areas=area).with_translations()
    partners = (
        Partner.objects.published()
        .filter(
            pk__in=Project.objects.published().filter(cooperation_areas=area).values("partners")
        )
        .with_translations()
    )
    return render(
        request,
        "cooperation/area_detail.html",
        {
            "area": area,
            "projects": projects,
            "partners": partners,
            **object_page_context(request, area),
        },
    )


@require_safe
def partner_list(request):
    agencies, institutions = split_partners(Partner.objects.published().with_translations())
    return render(
        request,
        "cooperation/partner_list.html",
        {"agencies": agencies, "institutions": institutions},
    )


@require_safe
def partner_detail(request, slug):
    partner = get_by_slug(Partner.objects.visible_to(request.user), slug)
    if response := redirect_to_canonical(request, partner):
        return response
    projects = Project.objects.published().filter(partners=partner).with_translations()
    return render(
        request,
        "cooperation/partner_detail.html",
        {"partner": partner, "projects": projects, **object_page_context(request, partner)},
    )
