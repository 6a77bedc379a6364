from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from eurelations.i18n import object_page_context, redirect_to_canonical
from projects.models import Project

from .models import CooperationArea, Objective, Partner, Partnership


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
    agencies, institutions = Partner.objects.published().with_translations().split_by_kind()
    context = {
        "partnership": partnership,
        "objectives": partnership.objectives.all(),
        "areas": CooperationArea.objects.published().with_translations(),
        "projects": Project.objects.published().with_translations(),
        "agencies": agencies,
        "institutions": institutions,
    }
    return render(request, "home.html", context)


@require_safe
def area_detail(request, slug):
    area = CooperationArea.objects.visible_to(request.user).get_by_slug(slug)
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
    agencies, institutions = Partner.objects.published().with_translations().split_by_kind()
    return render(
        request,
        "cooperation/partner_list.html",
        {"agencies": agencies, "institutions": institutions},
    )


@require_safe
def partner_detail(request, slug):
    partner = Partner.objects.visible_to(request.user).get_by_slug(slug)
    if response := redirect_to_canonical(request, partner):
        return response
    projects = Project.objects.published().filter(partners=partner).with_translations()
    return render(
        request,
        "cooperation/partner_detail.html",
        {"partner": partner, "projects": projects, **object_page_context(request, partner)},
    )
