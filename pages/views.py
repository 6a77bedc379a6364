"""A static page under the language prefixes (/fr/pages/mentions/)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from eurelations.i18n import available_languages, object_page_context


@require_safe
def flatpage(request, url):
    """Django's own flatpage view knows neither our prefixes nor which languages a page is
    really translated into."""
    page = get_object_or_404(FlatPage, url=f"/{url}", sites=settings.SITE_ID)
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    if not available_languages(page):
        raise Http404("This page has no text in any language.")
    context = {"flatpage": page, **object_page_context(request, page)}
    return render(request, page.template_name or "flatpages/default.html", context)
