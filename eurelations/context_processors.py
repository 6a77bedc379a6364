"""Values every public template needs: alternates (hreflang / language switcher) and SEO URLs."""

from django.utils import translation
from django.utils.functional import SimpleLazyObject

from eurelations.i18n import path_alternates


def site(request):
    # Views that show one object pass their own ``alternates`` (only the languages that object
    # has); every other page exists in all languages, derived from its URL.
    return {
        "alternates": SimpleLazyObject(lambda: path_alternates(request.get_full_path())),
        "canonical_url": SimpleLazyObject(lambda: request.build_absolute_uri(request.path)),
        "site_origin": SimpleLazyObject(lambda: request.build_absolute_uri("/").rstrip("/")),
        "og_locale": translation.to_locale(translation.get_language() or "en"),
    }
