"""The footer, with its links to the static pages as the database holds them."""

from django import template
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.template import loader
from django.urls import reverse
from django.utils import translation

from content.i18n import available_languages
from pagecache.invalidation import shared_version
from pages.content import URL_PREFIX

register = template.Library()

# {(version of the site's shared parts, language): the footer's HTML}. A static page's edit
# invalidates the shared parts (``content.cachetags.SHARED``), so the next page renders the
# footer again; old entries are dropped when full.
_FOOTERS = {}
_FOOTERS_MAX = 64


def static_page_links():
    """[{title, url}] of the public static pages, in the page's language (or its fallback), in
    the order they were created: one query."""
    pages = FlatPage.objects.filter(
        url__startswith=URL_PREFIX, sites=settings.SITE_ID, registration_required=False
    ).order_by("pk")
    return [
        {
            "title": page.title,
            "url": reverse("pages:flatpage", kwargs={"url": page.url.lstrip("/")}),
        }
        for page in pages
        if available_languages(page)
    ]


@register.simple_tag
def site_footer():
    """The footer depends on the page's language and the static pages only: rendered once per
    language and version of the site's shared parts in each process rather than on every page
    (every time with DEBUG, where a template may change under a running server, or while the
    cache is down)."""
    language = translation.get_language()
    # Read with DEBUG too: it records the shared parts on the page being rendered.
    version = shared_version()
    if settings.DEBUG:
        version = None
    html = _FOOTERS.get((version, language)) if version is not None else None
    if html is None:
        html = loader.get_template("includes/footer.html").render(
            {"static_page_links": static_page_links()}
        )
        if version is not None:
            if len(_FOOTERS) >= _FOOTERS_MAX:
                _FOOTERS.clear()
            _FOOTERS[(version, language)] = html
    return html
