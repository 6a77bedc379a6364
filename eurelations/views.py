"""The site's own answers: the localized error pages and robots.txt (health:
``eurelations.health``; search: ``search.views``; the home page: ``cooperation.views.home``)."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from content.languages import language_codes
from content.site import absolute

# What the database raises when it cannot answer now: down or restarting, a lost connection, a
# statement or lock timeout. The page may work in a moment, so it is a 503 with Retry-After (for
# browsers, crawlers and the load balancer); anything else (ProgrammingError, IntegrityError)
# is a fault of ours, a 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# A restart takes seconds, a failover about a minute.
RETRY_AFTER_SECONDS = 30


def database_unavailable(error):
    """True when ``error``, or an error it was raised from, says the database cannot answer."""
    while error is not None:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        error = error.__cause__
    return False


@requires_csrf_token
def server_error(request):
    """handler500: our 500 page with the request's id, which a visitor can quote, or the 503
    page when the database could not answer. Rendered without a request context (no database,
    no session), in the language of the address even if the error came before LocaleMiddleware."""
    # Django calls this while it handles the exception: sys.exc_info() is that exception. Kept
    # for the log: when the 404 page failed, Django does not log it (eurelations.middleware).
    request.server_error = sys.exc_info()[1]
    unavailable = database_unavailable(request.server_error)
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        page = loader.render_to_string(
            "503.html" if unavailable else "500.html", {"request_id": getattr(request, "id", "")}
        )
    response = HttpResponse(page, status=503 if unavailable else 500)
    response["Content-Language"] = language
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)  # nothing downstream may keep the outage
    return response


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
