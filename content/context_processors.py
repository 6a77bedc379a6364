"""Values every public template needs: alternates (hreflang / language switcher) and SEO URLs."""

from django.utils import translation
from django.utils.functional import SimpleLazyObject

from content.i18n import LANGUAGE_BOUND_PARAMETERS, OG_LOCALES, path_alternates
from content.site import absolute, origin


def _portable_path(request):
    """The request's path and the query parameters that mean the same in every language (a
    filter by area key or a page number, not a search text)."""
    query = request.GET.copy()
    for name in LANGUAGE_BOUND_PARAMETERS:
        query.pop(name, None)
    return f"{request.path}?{query.urlencode()}" if query else request.path


def site(request):
    # Views that show one object pass their own ``alternates`` and ``canonical_url`` (only the
    # languages that object has); every other page exists in all languages, derived from its URL.
    language = translation.get_language() or "en"
    return {
        "alternates": SimpleLazyObject(lambda: path_alternates(_portable_path(request))),
        "canonical_url": SimpleLazyObject(lambda: absolute(request.path)),
        "site_origin": origin(),
        "og_locale": OG_LOCALES.get(language, translation.to_locale(language)),
    }
