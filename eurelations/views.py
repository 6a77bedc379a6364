"""The site's own answers: the localized error pages and robots.txt (health:
``eurelations.health``; search: ``search.views``; the home page: ``cooperation.views.home``)."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from content.languages import language_codes
from content.site import absolute


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
    for code in language_codes():
        with translation.override(code):
            homes.append((code, reverse("home")))
    context = {"alternates": homes, "canonical_url": absolute(request.path)}
    return render(request, "404.html", context, status=404)


# The error pages staff and visitors meet: ours, in their language and direction (the
# templates are standalone, like 500.html, so they render whatever went wrong).


@requires_csrf_token
def bad_request(request, exception):
    return render(request, "400.html", status=400)


@requires_csrf_token
def permission_denied(request, exception):
    """403, in the admin too: a translator saving a language that is not theirs lands here."""
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: an expired or foreign form, said plainly instead of Django's page."""
    return render(request, "403_csrf.html", status=403)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        f"Sitemap: {absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
