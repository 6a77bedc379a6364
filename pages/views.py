"""A static page under the language prefixes (/fr/pages/mentions/)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from content.i18n import available_languages, object_page_context
from pages.content import PAGE_TEMPLATES
from sitesettings.identity import site_identity


@require_safe
def flatpage(request, url):
    """Django's own flatpage view knows neither our prefixes nor which languages a page is
    really translated into."""
    page = get_object_or_404(FlatPage, url=f"/{url}", sites=settings.SITE_ID)
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    if not available_languages(page):
        raise Http404("This page has no text in any language.")
    context = {
        "flatpage": page,
        # The facts the site's settings give this page its role for (contact, legal, privacy).
        "site_facts": site_identity().facts_for(page),
        "site_facts_heading": site_identity().facts_heading(page),
        **object_page_context(request, page),
    }
    # Only a page's template: a row written some other way cannot show the admin's login.
    known = {name for name, _label in PAGE_TEMPLATES if name}
    template = page.template_name if page.template_name in known else "flatpages/default.html"
    return render(request, template, context)
